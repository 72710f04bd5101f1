-- Neovim 0.11+: with this plugin on the runtimepath, `vim.lsp.enable("newslint")` uses this
-- configuration; change it with `vim.lsp.config("newslint", { ... })`.
return {
  cmd = { "newslint", "server" },
  filetypes = { "markdown" },
  root_markers = { "newslint.toml", ".newslint.toml", ".git" },
}
