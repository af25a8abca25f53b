export { adminGraphql, shopGraphql, startTestServer, type TestServer } from "./api-server.js";
export {
  type AxeViolation,
  CHROMIUM_PATH,
  launchChromium,
  seriousViolations,
  unmarkedChinese,
  VIEWPORTS,
} from "./browser.js";
