"""``copydesk lsp``: the language server (Language Server Protocol over stdio), on pygls.

- :mod:`lint.lsp.server`: the server, its handlers, the debounce and the one thread that checks;
- :mod:`lint.lsp.project`: a project's config, checks and archive index, and one check of a document;
- :mod:`lint.lsp.positions`: copydesk's lines and characters as LSP's lines and UTF-16 code units;
- :mod:`lint.lsp.convert`: a copydesk finding as an LSP diagnostic;
- :mod:`lint.lsp.actions`: the code actions (the safe fix, each suggestion, suppress on this line,
  add the word to the vocabulary); :mod:`lint.lsp.suppression` and :mod:`lint.lsp.vocabulary` the
  edits behind the last two;
- :mod:`lint.lsp.hover`: what the rule checks and why this was flagged.
"""
