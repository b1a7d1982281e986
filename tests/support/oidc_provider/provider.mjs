// A real OpenID Connect provider for the sign-in tests: panva's certified oidc-provider with
// its development login and consent pages, one public native client (PKCE, loopback
// redirect on any port) and a few test accounts.
//
// Environment: OIDC_JWKS — the private signing keys as a JWK set (JSON), so that the tests
// can also sign tokens of their own with the provider's key; OIDC_CLIENT_ID.
// It listens on a free port of 127.0.0.1 and prints "listening <issuer>" once it serves.
import http from 'node:http';

import Provider from 'oidc-provider';

// accountId (the `sub`) -> claims. The subjects are opaque, as a provincial platform's are;
// the first sign-in finds the person by preferred_username.
const ACCOUNTS = {
  'u-1001': { preferred_username: 'office.clerk', name: '办公室文书' },
  'u-1002': { preferred_username: 'office.leader', name: '办公室领导' },
  'u-2001': { preferred_username: 'edu.clerk', name: '教育局文书' },
  'u-9001': { preferred_username: 'stranger', name: '外单位人员' },
};

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: process.env.OIDC_CLIENT_ID || 'officeapp-desktop',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // RFC 8252 §7.3: a loopback redirect matches whatever port the desktop listens on.
      redirect_uris: ['http://127.0.0.1/callback'],
    }],
    jwks: process.env.OIDC_JWKS ? JSON.parse(process.env.OIDC_JWKS) : undefined,
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    // Put the profile claims in the ID token itself (the server reads the username there).
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    async findAccount(ctx, id) {
      const claims = ACCOUNTS[id];
      if (!claims) return undefined;
      return { accountId: id, async claims() { return { sub: id, ...claims }; } };
    },
  });
  server.on('request', provider.callback());
  process.stdout.write(`listening ${issuer}\n`);
});

process.on('SIGTERM', () => server.close(() => process.exit(0)));
