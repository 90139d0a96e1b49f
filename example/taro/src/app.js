// On every Taro target the channel polls while the app is shown: start on onShow, stop on onHide.
import { createApp } from 'vue'
import { client } from './client'

const App = createApp({
  onShow () {
    client.start()
  },
  onHide () {
    client.stop()
  }
})

export default App
