"""Letters: authority letters and support letters, rendered from data/templates by a
sandboxed Jinja2 environment. Case values are passed as data and never evaluated."""
