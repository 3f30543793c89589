// Handover's own script: small enhancements only; every page works without it.
// Confirms destructive buttons marked data-confirm (the message is in the page's language).
document.addEventListener("submit", function (event) {
  var button = event.submitter;
  var message = button && button.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
