package privacy

import (
	"strings"
	"testing"
)

// Suspects doubts what may be a person left unmasked, and not the words of medicine that
// begin with Y ("SỞ Y TẾ" in an agency's capitals), which 12 of 61,019 synthetic petitions
// were warned of.
func TestSuspects(t *testing.T) {
	m := NewMasker(nil)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Nhờ cán bộ gửi giấy hẹn cho Thanh Hương giúp tôi.", []string{"Thanh Hương"}},
		{"Gia đình anh Y Moan ở buôn Ako Dhong.", []string{"Y Moan"}},
		{"TRUNG TÂM Y TẾ huyện đã trả lời.", nil},
		{"THUỘC PHẠM VI QUẢN LÝ NHÀ NƯỚC CỦA BỘ Y TẾ.", nil},
		{"Trường Cao đẳng Y Khoa tỉnh.", nil},
		{"Nhờ chuyển cho Y Khoa Niê ở buôn Ko Sir.", []string{"Y Khoa"}},
		{"Số điện thoại 0912.345 678 9 của tôi.", []string{"0912.345 678 9"}},
	} {
		var got []string
		for _, x := range m.Suspects(c.text, Citizen) {
			got = append(got, c.text[x.Start:x.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("Suspects(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
