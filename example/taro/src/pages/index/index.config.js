export default definePageConfig({ navigationBarTitleText: 'AppMessage' })
