package privacy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"congkhai/generator/markdown"
)

// What a page shows is masked, whatever the source does to encode it.
func TestMarkdownMasksWhatIsShown(t *testing.T) {
	for _, c := range []struct{ name, in, leak string }{
		{"numeric reference", "Email: an&#64;gmail.com", "an@gmail.com"},
		{"named reference", "SĐT&nbsp;0912&nbsp;345&nbsp;678", "0912 345 678"},
		{"name in references", "ông Nguy&#7877;n V&#x103;n An", "Nguyễn Văn An"},
		{"digit reference", "gọi &#48;912345678", "0912345678"},
		{"escapes", "gọi số 0912\\.345\\.603 nhé", "0912.345.603"},
		{"escaped email", "thư an\\_nguyen\\@gmail\\.com", "an_nguyen@gmail.com"},
		{"soft break in number", "Số điện thoại 0912\n345 678 của tôi", "0912 345 678"},
		{"soft break after honorific", "Tôi gửi đơn thay cho ông\nTrần Văn Lực", "Trần Văn Lực"},
		{"emphasis in name", "bà **Nguyễn** *Thị* Hoa", "Nguyễn Thị Hoa"},
		{"zero width", "SĐT 0912\u200b345\u200b678", "0912345678"},
		{"full width", "SĐT ０９１２３４５６７８, email an＠gmail.com", "0912345678"},
		{"full width at", "email an＠gmail.com", "an@gmail.com"},
		{"mailto", "[gửi thư](mailto:an.nguyen@gmail.com)", "an.nguyen@gmail.com"},
		{"tel", "[gọi tôi](tel:0912345678)", "0912345678"},
		{"number in address", "[hồ sơ](https://example.vn/ho-so/0912345678)", "0912345678"},
		{"title", "[hồ sơ](https://example.vn/ \"SĐT 0912345678\")", "0912345678"},
		{"autolink", "<an.nguyen@gmail.com>", "an.nguyen@gmail.com"},
		{"raw html hides nothing", "<span>0912345678</span> gọi", "0912345678"},
		{"code span", "số `0912 345 678`", "0912 345 678"},
		{"table", "| Họ tên | SĐT |\n|---|---|\n| Lê Văn Tám Bốn | 0912345678 |", "0912345678"},
		{"signature", "Xin cảm ơn.\n\nNgười viết đơn\n\nNGUYỄN VĂN PHÚC", "NGUYỄN VĂN PHÚC"},
		{"lower middle", "Tôi, Nguyễn văn Phát, xin hỏi", "Phát"},
		{"all lower", "con tôi là nguyễn văn phát sinh năm 2010", "phát"},
	} {
		out := defaultMasker.Markdown(c.in, Citizen)
		shown := markdown.Text(out)
		if strings.Contains(shown, c.leak) || strings.Contains(out, c.leak) {
			t.Errorf("%s: %q\n  rewritten %q\n  shows %q", c.name, c.in, out, shown)
		}
		if Contains(shown) {
			t.Errorf("%s: what is shown still holds personal data: %q", c.name, shown)
		}
	}
}

// Addresses that are not personal keep their links.
func TestMarkdownKeepsPublicLinks(t *testing.T) {
	in := "Xem [Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193) và <https://angiang.gov.vn/thu-tuc>."
	out := defaultMasker.Markdown(in, Agency)
	for _, want := range []string{"(<https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193>)", "<https://angiang.gov.vn/thu-tuc>"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q lost %s", out, want)
		}
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, c := range positive {
		f.Add(c.in)
	}
	f.Add(answer)
	f.Add("ông Nguy&#7877;n\nVăn An, [thư](mailto:a@b.vn), 0912\\.345\\.678")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		for _, a := range []Author{Citizen, Agency} {
			out := defaultMasker.Markdown(s, a)
			if shown := markdown.Text(out); defaultMasker.Contains(shown, a) {
				t.Fatalf("%q\nrewritten %q\nshows %q: %v", s, out, shown, defaultMasker.Find(shown, a))
			}
		}
	})
}
