--- newslint for Neovim: starts `newslint server` for Markdown buffers and attaches it.
---
--- Works on Neovim 0.7 and later with no other plugin. On 0.11+ you may prefer the built-in
--- `vim.lsp.config` / `vim.lsp.enable` (see README.md); this plugin then does nothing you need.
---
---   require("newslint").setup({
---     cmd = { "newslint", "server" },        -- the binary and its arguments
---     filetypes = { "markdown" },
---     root_markers = { "newslint.toml", ".newslint.toml", ".git" },
---     settings = { rules = { speculation = "info" }, debounceMs = 150 },
---     on_attach = function(client, bufnr) end,
---   })
local M = {}

--- The defaults of `setup()`.
M.defaults = {
  cmd = { "newslint", "server" },
  filetypes = { "markdown" },
  root_markers = { "newslint.toml", ".newslint.toml", ".git" },
  -- Editor settings, used by the server where no newslint.toml applies:
  -- `rules` maps a rule id or family to "off", "hint", "info", "warning" or "error".
  settings = {},
  on_attach = nil,
  capabilities = nil,
  -- Show a message when the binary is missing (once per session).
  notify_missing = true,
}

M.config = nil
local clients = {} -- root_dir -> client id
local warned = false
local augroup_name = "newslint"

local function notify(msg, level)
  vim.schedule(function()
    vim.notify("newslint: " .. msg, level or vim.log.levels.WARN)
  end)
end

--- The directory that holds the nearest root marker above `path`, else the file's directory.
local function find_root(path, markers)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local home = vim.loop.os_homedir()
  local current = dir
  while current and current ~= "" do
    for _, marker in ipairs(markers) do
      local candidate = current .. "/" .. marker
      if vim.loop.fs_stat(candidate) then
        return current
      end
    end
    if current == home then
      break
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      break
    end
    current = parent
  end
  return dir
end

local function executable(cmd)
  return type(cmd) == "table" and cmd[1] ~= nil and vim.fn.executable(cmd[1]) == 1
end

--- Starts (or reuses) a client for `root` and attaches it to `bufnr`.
local function attach(bufnr)
  local cfg = M.config
  if not vim.api.nvim_buf_is_valid(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = name ~= "" and find_root(name, cfg.root_markers) or vim.fn.getcwd()

  local id = clients[root]
  if id and not vim.lsp.get_client_by_id(id) then
    id = nil
  end
  if not id then
    if not executable(cfg.cmd) then
      if cfg.notify_missing and not warned then
        warned = true
        notify(
          string.format(
            "`%s` was not found, so drafts are not checked. Install it (`cargo install --locked --path .` in a newslint checkout) "
              .. 'or pass its path: require("newslint").setup({ cmd = { "/path/to/newslint", "server" } })',
            tostring(cfg.cmd and cfg.cmd[1])
          ),
          vim.log.levels.ERROR
        )
      end
      return
    end
    local config = {
      name = "newslint",
      cmd = cfg.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      -- An empty Lua table would be sent as a JSON array.
      init_options = next(cfg.settings) and cfg.settings or vim.empty_dict(),
      settings = { newslint = cfg.settings },
      capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
      on_attach = cfg.on_attach,
      on_exit = function(code, signal)
        clients[root] = nil
        if code ~= 0 then
          notify(string.format("the server exited (code %d, signal %d); see :LspLog", code, signal))
        end
      end,
    }
    if vim.lsp.start then
      -- 0.8+: starts the client, or reuses the one with this name and root, and attaches it.
      id = vim.lsp.start(config, { bufnr = bufnr })
      if id then
        clients[root] = id
      else
        notify("could not start " .. table.concat(cfg.cmd, " "), vim.log.levels.ERROR)
      end
      return
    end
    id = vim.lsp.start_client(config)
    if not id then
      notify("could not start " .. table.concat(cfg.cmd, " "), vim.log.levels.ERROR)
      return
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

--- Configures the plugin and attaches newslint to matching buffers, now and later.
--- @param opts table|nil see `M.defaults`
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", {}, M.defaults, opts or {})
  if type(M.config.cmd) == "string" then
    M.config.cmd = { M.config.cmd, "server" }
  end
  local group = vim.api.nvim_create_augroup(augroup_name, { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      attach(args.buf)
    end,
  })
  -- Buffers that were already open when setup() ran.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end

  vim.api.nvim_create_user_command("NewslintRestart", function()
    M.restart()
  end, { desc = "Restart the newslint language server" })
  vim.api.nvim_create_user_command("NewslintInfo", function()
    M.info()
  end, { desc = "Show the newslint clients" })
end

--- The ids of the running newslint clients.
function M.client_ids()
  local ids = {}
  for _, id in pairs(clients) do
    if vim.lsp.get_client_by_id(id) then
      table.insert(ids, id)
    end
  end
  return ids
end

--- Stops every newslint client and re-attaches the matching buffers to fresh ones.
function M.restart()
  local ids = M.client_ids()
  for _, id in ipairs(ids) do
    vim.lsp.stop_client(id)
  end
  vim.wait(3000, function()
    for _, id in ipairs(ids) do
      if vim.lsp.get_client_by_id(id) then
        return false
      end
    end
    return true
  end, 50)
  clients = {}
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(M.config.filetypes, vim.bo[bufnr].filetype) then
      attach(bufnr)
    end
  end
end

--- Prints the running clients and their roots.
function M.info()
  local lines = {}
  for root, id in pairs(clients) do
    table.insert(lines, string.format("client %d: %s (root %s)", id, table.concat(M.config.cmd, " "), root))
  end
  if #lines == 0 then
    lines = { "no newslint client is running" }
  end
  vim.notify(table.concat(lines, "\n"))
end

return M
