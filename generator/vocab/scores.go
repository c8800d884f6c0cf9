package vocab

import "strconv"

// ScoreGroup is one of the six groups of criteria of Quyết định 766/QĐ-TTg. Its key is the
// key of its score in a results file (ckmb = 8).
type ScoreGroup uint8

const (
	GroupCKMB ScoreGroup = iota // công khai, minh bạch
	GroupTDGQ                   // tiến độ giải quyết
	GroupCLGQ                   // dịch vụ công trực tuyến
	GroupTTTT                   // thanh toán trực tuyến
	GroupMDHL                   // mức độ hài lòng
	GroupMDSH                   // số hóa hồ sơ
	// NumScoreGroups is the number of groups.
	NumScoreGroups = iota
)

// scoreGroups are the groups in the order the national portal prints them, each with its
// maximum score (they add up to 100).
var scoreGroups = [NumScoreGroups]struct {
	Entry
	max float64
}{
	GroupCKMB: {Entry{Key: "ckmb", Label: "Công khai, minh bạch"}, 18},
	GroupTDGQ: {Entry{Key: "tdgq", Label: "Tiến độ giải quyết"}, 20},
	GroupCLGQ: {Entry{Key: "clgq", Label: "Dịch vụ công trực tuyến"}, 12},
	GroupTTTT: {Entry{Key: "tttt", Label: "Thanh toán trực tuyến"}, 10},
	GroupMDHL: {Entry{Key: "mdhl", Label: "Mức độ hài lòng"}, 18},
	GroupMDSH: {Entry{Key: "mdsh", Label: "Số hóa hồ sơ"}, 22},
}

// ScoreGroups lists the groups in the order the national portal prints them.
func ScoreGroups() []ScoreGroup {
	out := make([]ScoreGroup, NumScoreGroups)
	for i := range out {
		out[i] = ScoreGroup(i)
	}
	return out
}

func (g ScoreGroup) Key() string    { return scoreGroups[g].Key }
func (g ScoreGroup) Label() string  { return scoreGroups[g].Label }
func (g ScoreGroup) Short() string  { return scoreGroups[g].short() }
func (g ScoreGroup) Slug() string   { return scoreGroups[g].slug() }
func (g ScoreGroup) String() string { return g.Key() }

// Max is the group's maximum score.
func (g ScoreGroup) Max() float64 { return scoreGroups[g].max }

// Band is the rating a unit's total earns in the 766 index.
type Band uint8

const (
	Excellent Band = iota // Xuất sắc, from 90
	Good                  // Tốt, from 80
	Fair                  // Khá, from 70
	Average               // Trung bình, from 50
	Weak                  // Yếu, below 50
	// NumBands is the number of bands.
	NumBands = iota
)

// bands are the bands from best to worst, each with the lowest total it takes.
var bands = [NumBands]struct {
	Entry
	min float64
}{
	Excellent: {Entry{Key: "xuat-sac", Label: "Xuất sắc"}, 90},
	Good:      {Entry{Key: "tot", Label: "Tốt"}, 80},
	Fair:      {Entry{Key: "kha", Label: "Khá"}, 70},
	Average:   {Entry{Key: "trung-binh", Label: "Trung bình"}, 50},
	Weak:      {Entry{Key: "yeu", Label: "Yếu"}, 0},
}

// Bands lists the bands from best to worst.
func Bands() []Band {
	out := make([]Band, NumBands)
	for i := range out {
		out[i] = Band(i)
	}
	return out
}

// BandOf is the band of a total.
func BandOf(total float64) Band {
	for b := range Band(NumBands) {
		if total >= bands[b].min {
			return b
		}
	}
	return Weak
}

func (b Band) Key() string    { return bands[b].Key }
func (b Band) Label() string  { return bands[b].Label }
func (b Band) Short() string  { return bands[b].short() }
func (b Band) Slug() string   { return bands[b].slug() }
func (b Band) String() string { return b.Key() }

// Min is the lowest total of the band.
func (b Band) Min() float64 { return bands[b].min }

// Range is the band's range in words: "từ 80 đến dưới 90 điểm".
func (b Band) Range() string {
	switch b {
	case Excellent:
		return "từ " + strconv.Itoa(int(b.Min())) + " điểm"
	case Weak:
		return "dưới " + strconv.Itoa(int(Average.Min())) + " điểm"
	}
	return "từ " + strconv.Itoa(int(b.Min())) + " đến dưới " + strconv.Itoa(int((b - 1).Min())) + " điểm"
}
