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
  logger: { quiet: true, stats: false },
  mini: { webpackChain: oneVue },
  h5: { publicPath: './', staticDirectory: 'static', router: { mode: 'hash' }, webpackChain: oneVue }
}))
