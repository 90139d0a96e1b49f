// The one appmessage-client of the app, polling through uni.request on every uni-app target. `uni`
// is handed over explicitly: uni-app injects it into the app's own code, but it is not a global the
// package could find on H5. In a mini-program build the url must be an HTTPS domain on that
// platform's request whitelist. The H5 page polls its own origin, or the server named by ?api=
// (another origin: that server must allow the page's origin with APPMESSAGE_CORS_ALLOWED_ORIGINS).
import { createClient } from 'appmessage-client';

const query = typeof location !== 'undefined' ? new URLSearchParams(location.search || location.hash.split('?')[1] || '') : null;
const user = query && query.get('user');
const apiBase = (query && query.get('api')) || '';

export const client = createClient({
  platform: 'uni',
  api: uni,
  url: apiBase + '/api/message/index',
  interval: Number(query && query.get('interval')) || 5000,
  longPoll: Boolean(query && query.get('longpoll') === '1'),
  accessToken: () => uni.getStorageSync('access_token') || (user ? 'demo-' + user : null)
});
