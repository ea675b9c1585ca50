// Show the API's OpenAPI description with Swagger UI, from our own host only.
(function () {
  "use strict";
  var element = document.getElementById("api-docs");
  if (!element || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: element.getAttribute("data-schema-url"),
    domNode: element,
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: false,
    // No badge from validator.swagger.io and nothing else from another host.
    validatorUrl: null,
    // The API only reads; trying it out sends GET requests to this host.
    supportedSubmitMethods: ["get"],
    queryConfigEnabled: false
  });
})();
