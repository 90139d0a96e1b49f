// The one appmessage-client of the app, polling through uni.request on every uni-app target. `uni`
// is handed over explicitly: uni-app injects it into the app's own code, but it is not a global the
// package could find on H5. In a mini-program build the url must be an HTTPS domain on that
// platform's request whitelist; the H5 page here is served with the API on the same origin.
import { createClient } from 'appmessage-client';

const query = typeof location !== 'undefined' ? new URLSearchParams(location.search || location.hash.split('?')[1] || '') : null;
const user = query && query.get('user');

export const client = createClient({
  platform: 'uni',
  api: uni,
  url: '/api/message/index',
  interval: Number(query && query.get('interval')) || 5000,
  longPoll: Boolean(query && query.get('longpoll') === '1'),
  accessToken: () => uni.getStorageSync('access_token') || (user ? 'demo-' + user : null)
});
