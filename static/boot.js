// Runs before first paint. The prerendered figures are those of the default
// view; a link that carries filters hides them until its own are computed.
if (location.search.length > 1) document.documentElement.classList.add('has-query');
