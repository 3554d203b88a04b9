// The distribution's StaffSignedOutFunction (a CloudFront Function before the gateway, for /staff*): a browser whose
// staff sign-in has ended is sent to "You have been signed out" instead of API Gateway's JSON refusal. This runs the
// function's own code, taken from template.yaml, on the events CloudFront gives it. It needs no local runtime: the
// local runtime shows the same page in place of the gateway's refusals itself (LocalAuthorizers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const template = readFileSync(new URL('../../template.yaml', import.meta.url), 'utf8');

// The block scalar under StaffSignedOutFunction's FunctionCode, its indentation removed.
function functionCode() {
  const start = template.indexOf('  StaffSignedOutFunction:\n');
  assert.ok(start >= 0, 'template.yaml declares StaffSignedOutFunction');
  const lines = template.slice(start).split('\n');
  const at = lines.findIndex(l => l.trim() === 'FunctionCode: |');
  assert.ok(at > 0, 'its FunctionCode is a block');
  const indent = lines[at + 1].match(/^ */)[0].length;
  const code = [];
  for (const line of lines.slice(at + 1)) {
    if (line.trim() !== '' && line.match(/^ */)[0].length < indent) break;
    code.push(line.slice(indent));
  }
  return code.join('\n');
}

// CloudFront Functions' runtime 2.0 offers Buffer as a global, as Node does; nothing else is given.
const handler = new Function('Buffer', `${functionCode()}\nreturn handler;`)(Buffer);

const NOW_S = Math.floor(Date.now() / 1000);

function token(claims) {
  const part = o => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k1' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function event({ uri = '/staff/roles', method = 'GET', accept = 'text/html,application/xhtml+xml', cookie, referer } = {}) {
  const headers = {};
  if (accept) headers.accept = { value: accept };
  if (referer) headers.referer = { value: referer };
  return {
    version: '1.0',
    context: { eventType: 'viewer-request' },
    viewer: { ip: '192.0.2.1' },
    request: { method, uri, querystring: {}, headers, cookies: cookie ? { 'involve-staff': { value: cookie } } : {} },
  };
}

function redirectedTo(result) {
  assert.equal(result.statusCode, 303, JSON.stringify(result));
  assert.equal(result.headers['cache-control'].value, 'no-store');
  return result.headers.location.value;
}

test('a browser with no staff sign-in is sent to the signed-out page, which signs in back to the page asked for', () => {
  assert.equal(redirectedTo(handler(event({ uri: '/staff/roles/r1/edit' }))),
    '/staff/session-ended?page=%2Fstaff%2Froles%2Fr1%2Fedit');
  assert.equal(redirectedTo(handler(event({ uri: '/staff' }))), '/staff/session-ended?page=%2Fstaff');
});

test('an expired or unreadable token is sent there too, before the authorizer refuses it', () => {
  assert.match(redirectedTo(handler(event({ cookie: token({ sub: 'a', exp: NOW_S - 5 }) }))), /^\/staff\/session-ended/);
  for (const bad of ['', 'not-a-token', 'a.b', 'a.%%%.c', token({ sub: 'a' }), token({ sub: 'a', exp: 'tomorrow' })]) {
    assert.match(redirectedTo(handler(event({ cookie: bad }))), /^\/staff\/session-ended/, `token ${bad}`);
  }
});

test('a form sent after the sign-in ended comes back to the page it was sent from', () => {
  const sent = event({ method: 'POST', uri: '/staff/roles/r1/edit', referer: 'https://involve.example/staff/roles/r1/edit?x=1#top' });
  assert.equal(redirectedTo(handler(sent)), '/staff/session-ended?page=%2Fstaff%2Froles%2Fr1%2Fedit');
  assert.equal(redirectedTo(handler(event({ method: 'POST', uri: '/staff/roles' }))), '/staff/session-ended');
});

test('a token still in date goes on to the gateway, whose authorizer checks it', () => {
  const request = event({ cookie: token({ sub: 'a', exp: NOW_S + 600 }) });
  assert.equal(handler(request), request.request);
});

test('the pages open before signing in, and API clients that do not ask for a page, go on untouched', () => {
  for (const uri of ['/staff/sign-in', '/staff/callback', '/staff/sign-out', '/staff/session-ended']) {
    const open = event({ uri });
    assert.equal(handler(open), open.request, uri);
  }
  for (const accept of [null, 'application/json', '*/*']) {
    const api = event({ accept });
    assert.equal(handler(api), api.request, `Accept: ${accept}`);
  }
});
