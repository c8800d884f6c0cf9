package privacy

import (
	"congkhai/generator/markdown"
	"strings"
	"testing"
)

// Markdown's every way of putting text on a page, tried as an attacker would: reference
// links, titles, image texts, code, headings, quotes, tables, autolinks, percent-encoded
// addresses, character references inside a number, other scripts' digits, raw HTML between
// the words of a name. Nothing they hold is shown or linked.
func TestMarkdownAttacks(t *testing.T) {
	cases := []struct{ in, leak string }{
		{"[x][r]\n\n[r]: tel:0912345678", "0912345678"},
		{"[x][r]\n\n[r]: https://a.vn \"0912345678\"", "0912345678"},
		{"![0912345678](anh.png)", "0912345678"},
		{"![SĐT 0912345678](anh.png)", "0912345678"},
		{"```\nSĐT 0912345678\n```", "0912345678"},
		{"    SĐT 0912345678", "0912345678"},
		{"# Nguyễn Văn An\n\nnội dung", "Nguyễn Văn An"},
		{"Nguyễn Văn An\n===", "Nguyễn Văn An"},
		{"> ông Nguyễn Văn An", "Nguyễn Văn An"},
		{"| a |\n|---|\n| an&#64;gmail.com |", "an@gmail.com"},
		{"~~0912345678~~", "0912345678"},
		{"<0912345678>", "0912345678"},
		{"<https://zalo.me/0912345678>", "0912345678"},
		{"[a](https://a.vn/?sdt=0912345678)", "0912345678"},
		{"[a](https://a.vn/%30%39%31%32%33%34%35%36%37%38)", "0912345678"},
		{"ông Nguyễn V&#97;n An", "Nguyễn Van An"},
		{"0&#57;12 345 678", "0912 345 678"},
		{"09&#x31;2345678", "0912345678"},
		{"0912345678&#8203;", "0912345678"},
		{"SĐT: 0９１２３４５６７８", "0912345678"},
		{"SĐT: ٠٩١٢٣٤٥٦٧٨", "0912345678"},
		{"ông **Nguyễn**\nVăn\nAn", "Nguyễn Văn An"},
		{"ông Nguyễn<!-- x -->Văn An", "Văn An"},
		{"1. Nguyễn Văn An\n2. Trần Thị Bé", "Trần Thị Bé"},
		{"- [ ] Lê Văn Tư 0912345678", "0912345678"},
		{"Ông/Bà: LÊ VĂN TƯ", "LÊ VĂN TƯ"},
		{"CHỦ TÀI KHOẢN: TRAN THI BE", "TRAN THI BE"},
		{"liên hệ `an@gmail.com`", "an@gmail.com"},
		{"số\u00a0nhà 12 đường Lê Lợi", "12 đường Lê Lợi"},
		{"<span>ông</span> Nguyễn Văn An", "Nguyễn Văn An"},
	}
	for _, c := range cases {
		out := defaultMasker.Markdown(c.in, Citizen)
		shown := markdown.Text(out)
		if strings.Contains(shown, c.leak) || strings.Contains(out, c.leak) {
			t.Errorf("%q → %q shows %q", c.in, out, shown)
		}
	}
}
