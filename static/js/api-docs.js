// Starts Swagger UI on the API docs page; the schema's address comes from a data attribute
// (the Content-Security-Policy allows no inline script).
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("swagger-ui");
  if (!holder || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: holder.getAttribute("data-schema-url"),
    dom_id: "#swagger-ui",
    deepLinking: true,
    layout: "BaseLayout",
    presets: [window.SwaggerUIBundle.presets.apis],
    // No calls home: the validator badge would fetch from swagger.io.
    validatorUrl: null,
    tryItOutEnabled: false,
  });
});
