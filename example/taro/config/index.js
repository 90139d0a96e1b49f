// Taro's build (webpack 5): one output folder per target, dist/h5 and dist/weapp.
// appmessage-client is linked from runtime/client (file: dependency), whose own node_modules hold
// another Vue (its devDependency): `vue` resolves to this app's copy, so the page and the package's
// composables share one Vue.
import path from 'node:path'
import { createRequire } from 'node:module'
import { defineConfig } from '@tarojs/cli'

const require = createRequire(import.meta.url)
const appVue = path.dirname(require.resolve('vue/package.json'))
const oneVue = (chain) => chain.resolve.alias.set('vue$', path.join(appVue, 'dist', 'vue.runtime.esm-bundler.js'))
// a demo page: no size advice from webpack on the console
const quietH5 = (chain) => {
  oneVue(chain)
  chain.performance.hints(false)
}

export default defineConfig(async () => ({
  projectName: 'appmessage-taro',
  designWidth: 750,
  deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
  sourceRoot: 'src',
  outputRoot: 'dist/' + process.env.TARO_ENV,
  plugins: [],
  framework: 'vue3',
  compiler: 'webpack5',
  cache: { enable: false },
  // esbuild minifies in seconds what terser takes minutes for (Taro's H5 runtime is about 1 MB); ES2015,
  // as appmessage-client itself (WeChat's base library and today's browsers run it)
  jsMinimizer: 'esbuild',
  esbuild: { minify: { config: { target: 'es2015' } } },
  logger: { quiet: true, stats: false },
  mini: { webpackChain: oneVue },
  h5: { publicPath: './', staticDirectory: 'static', router: { mode: 'hash' }, webpackChain: quietH5 }
}))
