/* global SwaggerUIBundle */
'use strict';

window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/v1/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    // Keep tokens pasted into "Authorize" across reloads of the viewer.
    persistAuthorization: true,
  });
});
