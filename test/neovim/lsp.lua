-- Drives the pod-patterns language server from a real Neovim, headless: open a pod, wait for
-- its diagnostics, hover, complete, apply a quick fix with Neovim's own edit code, shut down.
-- The runner (run.mjs) passes paths in environment variables and reads the JSON this writes.
local server = os.getenv('POD_PATTERNS_SERVER')
local pod_file = os.getenv('POD_PATTERNS_POD')
local result_file = os.getenv('POD_PATTERNS_RESULT')
local result = { steps = {} }

local function finish()
  local out = io.open(result_file, 'w')
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qall!')
end

local function step(name, fn)
  local ok, err = pcall(fn)
  table.insert(result.steps, { name = name, ok = ok, error = ok and vim.NIL or tostring(err) })
  if not ok then
    finish()
    error(err)
  end
end

vim.cmd('edit ' .. vim.fn.fnameescape(pod_file))
local bufnr = vim.api.nvim_get_current_buf()
vim.bo[bufnr].filetype = 'yaml'

-- The setup the README gives for Neovim: vim.lsp.start from 0.8, start_client + buf_attach_client on 0.7.
local published
local capabilities = vim.lsp.protocol.make_client_capabilities()
capabilities.general = capabilities.general or {}
capabilities.general.positionEncodings = { 'utf-8', 'utf-16' }
local config = {
  name = 'pod-patterns',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(pod_file, ':h'),
  capabilities = capabilities,
  -- Neovim before 0.10 does not read the server's choice itself.
  on_init = function(client, initialize_result)
    local chosen = initialize_result.capabilities.positionEncoding
    if chosen then client.offset_encoding = chosen end
  end,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, params, ctx, handler_config)
      if #params.diagnostics > 0 then published = params end
      return vim.lsp.diagnostic.on_publish_diagnostics(err, params, ctx, handler_config)
    end,
  },
}
local client_id
step('start', function()
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(bufnr, client_id)
  end
  assert(client_id, 'the client did not start')
end)
local client = vim.lsp.get_client_by_id(client_id)
result.neovim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch)

local function line_text(lnum) return vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] end

local policy
step('diagnostics', function()
  assert(vim.wait(15000, function() return published ~= nil end, 20), 'no diagnostics within 15 s')
  result.encoding = client.offset_encoding
  -- Neovim's own diagnostics (byte columns after its conversion) must mark the word the server means.
  for _, diagnostic in ipairs(vim.diagnostic.get(bufnr)) do
    local marked = line_text(diagnostic.lnum):sub(diagnostic.col + 1, diagnostic.end_col)
    if marked == 'Sometimes' then result.markedByNeovim = marked end
  end
  for _, diagnostic in ipairs(published.diagnostics) do
    local line = line_text(diagnostic.range.start.line)
    local from = vim.str_byteindex(line, diagnostic.range.start.character, client.offset_encoding == 'utf-16')
    local to = vim.str_byteindex(line, diagnostic.range['end'].character, client.offset_encoding == 'utf-16')
    if client.offset_encoding == 'utf-8' then
      from, to = diagnostic.range.start.character, diagnostic.range['end'].character
    end
    if line:sub(from + 1, to) == 'Sometimes' then policy = diagnostic end
  end
  assert(policy, 'no diagnostic on "Sometimes"')
end)

step('hover', function()
  local response = client.request_sync('textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    -- On the key: "imagePullPolicy: " is 17 characters before the value, in any encoding.
    position = { line = policy.range.start.line, character = policy.range.start.character - 14 },
  }, 5000, bufnr)
  assert(response and response.result, 'no hover')
  result.hover = response.result.contents.value
end)

step('completion', function()
  -- At the end of the main container's `image: nginx` line: the pinned images.
  local image_line
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line == '    image: nginx' then image_line = index - 1 end
  end
  assert(image_line, 'no "    image: nginx" line')
  local response = client.request_sync('textDocument/completion', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = image_line, character = #'    image: nginx' },
  }, 5000, bufnr)
  assert(response and response.result, 'no completion')
  result.completion = {}
  for _, item in ipairs(response.result.items or response.result) do table.insert(result.completion, item.label) end
end)

step('code action', function()
  local response = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = policy.range,
    context = { diagnostics = { policy }, only = { 'quickfix' } },
  }, 5000, bufnr)
  assert(response and response.result and #response.result > 0, 'no code action')
  local chosen = response.result[1]
  for _, action in ipairs(response.result) do
    if action.isPreferred then chosen = action end
  end
  result.action = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end)

step('symbols', function()
  local response = client.request_sync('textDocument/documentSymbol', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
  }, 5000, bufnr)
  assert(response and response.result and #response.result > 0, 'no symbols')
  result.symbols = {}
  local function collect(symbols)
    for _, symbol in ipairs(symbols) do
      table.insert(result.symbols, symbol.name)
      collect(symbol.children or {})
    end
  end
  collect(response.result)
end)

step('rename', function()
  -- The volume's own name, under volumes: every mount of it follows, the one on the multi-byte line too.
  local volume_line
  for index, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    if line == '  - name: shared-logs' then volume_line = index - 1 end
  end
  assert(volume_line, 'no volume line')
  local response = client.request_sync('textDocument/rename', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = volume_line, character = #'  - name: shared' },
    newName = 'app-logs',
  }, 5000, bufnr)
  assert(response and response.result, 'no rename edit: ' .. vim.inspect(response and response.err))
  vim.lsp.util.apply_workspace_edit(response.result, client.offset_encoding)
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end)

step('shutdown', function()
  client.stop()
  assert(vim.wait(5000, function() return client.is_stopped() end, 20), 'the server did not stop')
end)

finish()
