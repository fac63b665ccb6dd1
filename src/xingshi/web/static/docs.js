// The API docs page: Swagger UI from the vendored bundle, reading this server's /openapi.json.
window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" });
