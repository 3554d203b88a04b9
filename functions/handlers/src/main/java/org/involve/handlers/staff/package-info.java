/**
 * The staff pages: what every staff area shares, and how to add one.
 *
 * <h2>Sign-in, in one paragraph</h2>
 * Staff sign in with Cognito (locally: with the local runtime's made-up people at /_local/sign-in). The ID token is
 * kept in the HttpOnly {@code involve-staff} cookie (Path=/staff). Every {@code /staff/...} route has the HTTP API's
 * {@code StaffSession} Lambda authorizer ({@link org.involve.handlers.StaffSessionAuthorizer}), which verifies the
 * token and passes {sub, name, email, groups} to the route's function as {@code requestContext.authorizer.lambda};
 * anyone without a valid cookie gets 401 (no cookie) or 403 (bad or expired) from API Gateway and never reaches
 * a handler. The local runtime emulates exactly that.
 *
 * <h2>Adding a staff area</h2>
 * <ol>
 * <li><b>Routes</b> in template.yaml on your own function, each HttpApi event under {@code /staff/...} with
 * <pre>
 *   Auth:
 *     Authorizer: StaffSession
 * </pre>
 * (TemplateTest fails any /staff route without it), your function's own least-privilege Policies and a log group.</li>
 * <li><b>A handler</b> ({@code org.involve.handlers.YourAreaHandler}: a no-argument constructor taking beans from
 * {@code Beans.get(...)} and one taking collaborators for tests) whose {@code handleRequest} is
 * <pre>
 *   return StaffErrors.guard(event, "your-area", req -&gt; route(req));
 * </pre>
 * and whose every action starts with {@code req.require(Permission.X)} (a core {@link org.involve.core.staff.Permission};
 * refused with a plain-English 403 page). {@link org.involve.handlers.staff.StaffRequest} gives the signed-in
 * {@link org.involve.core.staff.StaffMember} and the {@link org.involve.handlers.http.WebRequest} (form, query, cookies).
 * Throw {@link org.involve.handlers.staff.StaffNotFound} for a 404 page and
 * {@link org.involve.handlers.http.BadRequest} for other refusals.</li>
 * <li><b>Pages</b> through {@link org.involve.handlers.views.StaffLayout#page} (or {@code widePage} for tables): the
 * NHS.UK header "Involve staff" with only the areas the person's groups allow, and Sign out. Pass your area's href as
 * {@code current}. Add your area to {@link org.involve.handlers.views.StaffLayout#AREAS} if it is not there. Use
 * {@link org.involve.handlers.views.FormFields} for inputs and the error summary.</li>
 * <li><b>State changes</b> write an {@link org.involve.core.audit.AuditEntry}: {@link org.involve.handlers.staff.StaffAudit}
 * for one that stands alone, or in one transaction with the change in your adapter (as role changes do).</li>
 * <li><b>Wiring</b>: your own {@code @Factory} class beside {@link org.involve.handlers.staff.StaffFactory} (which gives
 * the AuditTrail, StaffAudit and the token verifier; InvolveFactory gives Clock and DynamoDbClient).</li>
 * <li><b>Tests</b>: an {@code events/http-*-staff-*.json} sample for each route with
 * {@code requestContext.authorizer.lambda} filled in (see events/http-get-staff-roles.json and
 * http-get-staff-roles-as-panel.json), run through your handler in a class {@code org.involve.handlers.YourAreaEventsTest}
 * that reads each event with {@code SampleEvents.use(...)} (which marks it covered). SampleEventsTest runs every
 * {@code *EventsTest} class's tests on fresh instances, so set up in field initialisers or the constructor, not
 * {@code @BeforeEach} (see StaffRolesEventsTest). Add a wrong-group event for each area. TemplateTest checks the
 * authorizer on every /staff route; LocalRuntimeTest sends each one no session and a forged one.</li>
 * </ol>
 */
package org.involve.handlers.staff;
