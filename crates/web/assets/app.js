// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // Take keyboard and screen-reader users straight to the list of problems in a failed form.
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});
