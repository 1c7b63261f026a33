// Starts Swagger UI (loaded before this script) on the schema the page names: the server's
// Content-Security-Policy allows no inline script, so this is a file of its own.
"use strict";
window.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({ url: root.dataset.schema, domNode: root, deepLinking: true });
});
