// Runs first in <body>: lets the NHS.UK styles know scripts are available, as the frontend's page template does.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
