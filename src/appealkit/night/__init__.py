"""A letter-writing night's workflows, as a library: the many-case runner (run), `check` over
files (check), the writers' file (writers), the writer x case iterator (assign) that the mail
merge (merge) and the pack (pack) share, the overview (overview), letters, addresses and posts
for many cases, and the sender lookup (sender). Each returns data and structured notices
(notices.Notice); the CLI only renders them. Nothing here imports typer or rich."""
