/**
 * The staff pages: what every staff area shares (the handler shape, the signed-in person, refusals as pages).
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
 * Follow docs/adding-an-area.md in the repository: paths in {@code org.involve.core.paths.StaffPaths}, a handler
 * extending {@link org.involve.handlers.staff.StaffHandler} with its route table, notices through
 * {@link org.involve.handlers.staff.Notices}, and the routes in template.yaml with the StaffSession authorizer.
 */
package org.involve.handlers.staff;
