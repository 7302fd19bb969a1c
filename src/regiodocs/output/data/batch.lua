-- Convert many Markdown files to .docx in one pandoc process (pandoc lua batch.lua LIST).
-- Each line of LIST: markdown path, reference .docx path, output path, separated by tabs.
-- Same result as `pandoc --from=markdown-smart --to=docx --reference-doc=REF
-- --metadata=lang:nl-NL`, without starting pandoc once per document.
local list = arg[1]
for line in io.lines(list) do
  local md, ref, out = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
  io.stderr:write("regiodocs: " .. md .. "\n")
  local input = assert(io.open(md, "rb"))
  local text = input:read("a")
  input:close()
  local doc = pandoc.read(text, "markdown-smart")
  doc.meta.lang = pandoc.MetaString("nl-NL")
  local bytes = pandoc.write(doc, "docx", { reference_doc = ref })
  local output = assert(io.open(out, "wb"))
  output:write(bytes)
  output:close()
  -- Tell the caller this one is done, so it can use it while the rest converts.
  io.stdout:write(out .. "\n")
  io.stdout:flush()
end
