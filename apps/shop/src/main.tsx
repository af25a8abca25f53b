import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { i18n } from "./i18n/index.js";
import { createApolloClient } from "./lib/apollo.js";
import "@nested/web-kit/base.css";
import "./styles.css";

document.documentElement.lang = i18n.language;
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={createApolloClient()}>
      <App />
    </ApolloProvider>
  </StrictMode>,
);
