-- Headless Neovim test of the newslint plugin against the real `newslint server`.
--
-- Run by run.sh:  nvim --headless -u NONE -i NONE --cmd 'set rtp^=<editors/nvim>' -c 'luafile lsp_test.lua'
-- Environment: NEWSLINT_BIN (the binary), NEWSLINT_DRAFT (a draft to open), NEWSLINT_TIMEOUT_MS,
--   NEWSLINT_TEST_MODE: "lsp" (default: require("newslint").setup), "native" (0.11+:
--   vim.lsp.config/enable with lsp/newslint.lua) or "missing" (a binary that does not exist).
-- Works on Neovim 0.7.2 (Debian bookworm) and 0.11.
local bin = assert(os.getenv("NEWSLINT_BIN"), "set NEWSLINT_BIN")
local draft = os.getenv("NEWSLINT_DRAFT")
local mode = os.getenv("NEWSLINT_TEST_MODE") or "lsp"
local timeout = tonumber(os.getenv("NEWSLINT_TIMEOUT_MS") or "20000")

local failures = 0
local function out(msg)
  io.stdout:write(msg .. "\n")
end
local function check(ok, what)
  out((ok and "ok   " or "FAIL ") .. what)
  if not ok then
    failures = failures + 1
  end
  return ok
end
-- get_active_clients is deprecated from 0.10 on, get_clients is missing before it.
local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients

local function finish()
  for _, c in ipairs(get_clients()) do
    vim.lsp.stop_client(c.id)
  end
  vim.wait(3000, function()
    return #get_clients() == 0
  end, 50)
  io.stdout:flush()
  if failures == 0 then
    vim.cmd("qall!")
  else
    vim.cmd("cquit " .. failures)
  end
end

local notes = {}
vim.notify = function(msg, level)
  table.insert(notes, { msg = msg, level = level })
end

local ok_run, err = pcall(function()
  vim.cmd("filetype on")
  local newslint = require("newslint")

  if mode == "missing" then
    newslint.setup({ cmd = { bin, "server" } })
    vim.cmd("edit " .. vim.fn.fnameescape(draft))
    check(vim.bo.filetype == "markdown", "the draft has filetype markdown")
    vim.wait(2000, function()
      return #notes > 0
    end, 20)
    local note = notes[1] or { msg = "" }
    check(note.msg:find("was not found", 1, true) ~= nil, "a missing binary is reported: " .. note.msg)
    check(note.level == vim.log.levels.ERROR, "as an error")
    check(#get_clients() == 0, "no client was started")
    return
  end

  local settings = { rules = { speculation = "error" }, debounceMs = 0 }
  if mode == "native" then
    -- Neovim 0.11+: the runtime file lsp/newslint.lua, overridden with vim.lsp.config.
    vim.lsp.config("newslint", { cmd = { bin, "server" }, init_options = settings })
    vim.lsp.enable("newslint")
  else
    newslint.setup({ cmd = { bin, "server" }, settings = settings })
  end
  vim.cmd("edit " .. vim.fn.fnameescape(draft))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == "markdown", "the draft has filetype markdown")

  local function diags()
    return vim.diagnostic.get(bufnr)
  end
  local function code(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local function show(list)
    for _, d in ipairs(list) do
      out(string.format("     %d:%d %s [%s] %s", d.lnum + 1, d.col + 1, tostring(d.source), tostring(code(d)), d.message))
    end
  end
  local function on_line(list, lnum)
    local n = 0
    for _, d in ipairs(list) do
      if d.lnum == lnum then
        n = n + 1
      end
    end
    return n
  end
  local function find_line(pattern)
    for i, l in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      if l:find(pattern) then
        return i - 1
      end
    end
  end

  -- 1. Diagnostics arrive for the opened draft.
  local got = vim.wait(timeout, function()
    return #diags() > 0
  end, 50)
  if not check(got, "diagnostics published within " .. timeout .. " ms") then
    return
  end
  local running = 0
  for _, c in ipairs(get_clients()) do
    if c.name == "newslint" then
      running = running + 1
    end
  end
  check(running == 1, "one newslint client is running")
  local first = diags()
  show(first)
  local all_ours, spec, spec_error = true, 0, true
  for _, d in ipairs(first) do
    local c = tostring(code(d))
    all_ours = all_ours and d.source == "newslint" and c:match("^%l+/[%l%-]+$") ~= nil
    if c:match("^speculation/") then
      spec = spec + 1
      spec_error = spec_error and d.severity == vim.diagnostic.severity.ERROR
    end
  end
  check(all_ours, "every diagnostic has source newslint and a family/rule code")
  check(spec > 0, "the hedge is flagged by a speculation rule")
  check(spec_error, "settings.rules (speculation = error) reached the server")

  -- 2. Editing a flagged line away clears its diagnostics (didChange).
  local hedged = find_line("reportedly")
  check(hedged ~= nil and on_line(first, hedged) > 0, "the line with 'reportedly' has a diagnostic")
  vim.api.nvim_buf_set_lines(bufnr, hedged, hedged + 1, false, { "The budget rose by a third, the finance office said on Monday." })
  local cleared = vim.wait(timeout, function()
    return on_line(diags(), hedged) == 0
  end, 50)
  check(cleared, "diagnostics on the edited line cleared after the edit")

  -- 3. Typing a new hedge brings a new diagnostic on that line.
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { "", "The mayor will reportedly resign before the summer." })
  local new_line = last + 1
  local appeared = vim.wait(timeout, function()
    return on_line(diags(), new_line) > 0
  end, 50)
  check(appeared, "a new diagnostic appeared on the added line " .. (new_line + 1))
  show(diags())

  if mode == "native" then
    return
  end

  -- 4. Restarting brings the diagnostics back from a new client.
  local before = newslint.client_ids()[1]
  vim.cmd("NewslintRestart")
  local back = vim.wait(timeout, function()
    local ids = newslint.client_ids()
    return ids[1] ~= nil and ids[1] ~= before and on_line(diags(), new_line) > 0
  end, 50)
  check(back, ":NewslintRestart started a new client that publishes again")
end)

if not ok_run then
  check(false, "the test ran without a Lua error: " .. tostring(err))
end
for _, n in ipairs(notes) do
  out("     notify: " .. tostring(n.msg))
end
finish()
