#!/usr/bin/env bash
# Builds the seed corpora (fuzz/corpus/<target>, gitignored) from the repository's own
# fixtures: tests/fixtures/** and the regression inputs in tests/fixtures/hostile/.
# Never from /work/shared/corpus or any other text that is not ours to commit.
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures
text_like=$(find "$fixtures" -type f \( -name '*.txt' -o -name '*.md' \) | sort)
html_like=$(find "$fixtures" -type f \( -name '*.html' -o -name '*.htm' \) | sort)
docx_like=$(find "$fixtures" -type f -name '*.docx' | sort)
all=$(find "$fixtures" -type f | sort)

seed() { # seed <target> <files…>: copies each file under its content hash
    local target=$1; shift
    mkdir -p "corpus/$target"
    for f in "$@"; do
        cp "$f" "corpus/$target/$(sha1sum "$f" | cut -c1-16)"
    done
}

# shellcheck disable=SC2086
seed read_text $text_like $html_like
# shellcheck disable=SC2086
seed read_html $html_like $text_like
# shellcheck disable=SC2086
seed read_docx $docx_like
# shellcheck disable=SC2086
seed validate $all

# read_docx_xml: document.xml, numbering.xml and styles.xml of each DOCX, joined by 0xFF.
mkdir -p corpus/read_docx_xml
for f in $docx_like; do
    out="corpus/read_docx_xml/$(sha1sum "$f" | cut -c1-16)"
    {
        unzip -p "$f" word/document.xml
        printf '\377'
        unzip -p "$f" word/numbering.xml 2>/dev/null || true
        printf '\377'
        unzip -p "$f" word/styles.xml 2>/dev/null || true
    } >"$out"
    unzip -p "$f" word/document.xml >"$out.body"
done
# Small hand-made fragments reach the table code faster than whole documents do.
printf '%s' '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>总计</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc><w:tc><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p></w:body></w:document>' >corpus/read_docx_xml/table-fragment
printf '%s\377%s' '<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:body></w:document>' \
    '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num></w:numbering>' \
    >corpus/read_docx_xml/numbering-fragment

# Hostile regressions seed every target: they are the inputs that once broke something.
if [ -d "$fixtures/hostile" ]; then
    for target in read_text read_html read_docx read_docx_xml validate; do
        # shellcheck disable=SC2046
        seed "$target" $(find "$fixtures/hostile" -type f -name "*.bin" -size -64k | sort)
    done
fi
for target in read_text read_html read_docx read_docx_xml validate; do
    echo "$target: $(find "corpus/$target" -type f | wc -l) seeds"
done
