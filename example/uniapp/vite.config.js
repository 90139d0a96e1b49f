// uni-app's Vite build. appmessage-client is linked from runtime/client (file: dependency), whose
// own node_modules may hold another Vue (its devDependency): dedupe keeps one Vue in the page.
import { defineConfig } from 'vite';
import uni from '@dcloudio/vite-plugin-uni';

export default defineConfig({
  plugins: [uni()],
  resolve: { dedupe: ['vue'] }
});
