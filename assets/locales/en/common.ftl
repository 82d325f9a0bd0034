# Words the whole UI shares: the languages, yes and no, the buttons every dialog has.
# Message ids are kebab-case and start with their area (`common-`, `menus-`, `panels-`, `screens-`); Japanese has
# the same ids, attributes and variables (a test checks).

# The language's own name, shown in the language picker whatever the language in play.
language-own-name = English

# The United States as a label (a heading, a column, beside its flag).
common-united-states = United States

common-yes = yes
common-no = no
common-ok = OK
common-cancel = Cancel
common-back = Back
common-close = Close
