// Package privacy masks personal data (Nghị định 13/2023/NĐ-CP) in the questions and answers of
// petitions ("phản ánh, kiến nghị") at build time, before they reach a page or the search index.
//
// Find reports where personal data is; Mask replaces each finding with a short Vietnamese
// placeholder, "[" + Kind.Label() + " đã ẩn]"; Contains is for a build-time assertion that
// nothing is left (Contains(Mask(x)) is always false). Text may be NFC, NFD or written without
// diacritics; offsets are byte offsets of the input as given. Detection is rule-based and errs
// on the side of masking: a false positive costs some readability, a leak cannot be undone.
//
// A Masker adds the names a site allows (its registry's agencies and places, and names it
// declares public) and tells the author of a text: a citizen's question names no one who may
// be shown; an agency's answer may name officials in their role. Masker.Markdown masks what
// a page shows of a Markdown text, not its source (package markdown rewrites it), and
// Masker.Text a plain text; Masker.Suspects lists what still looks personal after masking,
// for the warnings of check.
//
// # What is masked
//
// Phone numbers ([số điện thoại đã ẩn]), anywhere: numbers of 10 digits beginning with 0 and a
// non-zero digit, or 11 digits beginning with 01 or 02 (old mobiles, landlines), written in
// groups joined by spaces, dots or dashes and optionally bracketed ("0912 345 678",
// "0912.345.678", "0912-345-678", "(0296) 3.852.123", "028 3829 1234"); the same with the
// country code ("+84 912 345 678", "84912345678", "(+84) 91 234 5678", "0084 …"); foreign
// numbers written with "+" (8 to 15 digits); and after "điện thoại", "SĐT", "ĐT", "DĐ",
// "di động", "Zalo", "hotline", "tel", "phone" or "mobile", any number of 8 to 12 digits except
// the 1800/1900 hotlines. Groups joined by a dot alone are never split ("1.500.000"), and a
// number glued to a letter, to "/" or to a decimal comma, or continuing a code, is never a
// phone ("1.500.000đ", "13/2023/NĐ-CP", "1.003901.H01", "H01-260312-0001"): document numbers,
// procedure codes, dates, money, years, percentages, counts and article numbers stay.
//
// E-mail addresses ([thư điện tử đã ẩn]) but a state body's (.gov.vn), letters with diacritics allowed, also obfuscated:
// "abc [at] gmail [dot] com", "abc(a)gmail.com", "abc @ gmail.com", "abc at gmail dot com",
// "abc [a còng] gmail.com", "abc a cong gmail cham com", "a . b @ gmail . com", "abc#gmail.com",
// "abc@gmail,com", "abc.def gmail.com" (a provider's domain after a local part with a dot or a
// digit), and a user name after "gmail:" or "email:" ("gmail: kimthoa1985"). Agency addresses
// too: the rules cannot tell them from a petitioner's.
//
// Identity numbers ([số định danh đã ẩn]): anywhere, a 12-digit number whose first three digits
// are a province code 001–096 (CCCD, personal identification number) and a health insurance
// card number (two capitals and 13 digits, "GD4878712345678"); after "CCCD", "CMND",
// "căn cước", "chứng minh", "định danh", 9 to 12 digits; after "hộ chiếu" or "passport", one or
// two letters and 7–8 digits ("C1234567") or 8–9 digits; after "mã số thuế" or "MST", 10 or 13
// digits ("8012345678-001"); after "BHXH", "BHYT", "bảo hiểm xã hội" or "bảo hiểm y tế",
// 10 digits or a card number. Words such as "số", "là", "gắn chip", "của tôi", ":" may stand
// between the keyword and the value.
//
// Bank account numbers ([số tài khoản đã ẩn]): 6 to 19 digits after "tài khoản", "STK", "TK",
// "chuyển khoản" or "chuyển tiền", a bank name in between allowed ("tài khoản Vietcombank số
// …", "tk acb …"), and 8 to 19 digits followed by a bank's name ("0351000624871 (VCB)"). An
// agency's account for fees is masked as well.
//
// Other identifiers ([số định danh đã ẩn]): any bare number of 10 to 15 digits that is no
// phone ("5400387126", "1088 7732 6641"): money is grouped by dots, codes hold letters.
//
// Social network accounts ([tài khoản mạng xã hội đã ẩn]): a profile's address
// ("facebook.com/…", "zalo.me/…", "tiktok.com/@…"), "@user", and a user or display name after
// a network's name ("Zalo: Dí Thào 2k1", "zalo ngoctrang.2k1", Facebook "Thuy Tien Shop").
//
// Licence plates ([biển số xe đã ẩn]): "67A-123.45", "59X1-123.45", "59-X1 123.45",
// "51F-12345", "67A 123.45" anywhere, and "51f12345" after "biển số", "biển kiểm soát", "BKS".
//
// Addresses ([địa chỉ đã ẩn]): the house number with its street, alley, residential group,
// hamlet or quarter, up to but not including the ward, commune, special zone, district, town,
// city or province, which stay ("[địa chỉ đã ẩn], phường Mỹ Bình, tỉnh An Giang"). An address
// begins with
//   - "số nhà 12", "nhà số 12", optionally with its street;
//   - "số 12" followed by a street keyword or by at least two capitalised words that are not an
//     agency or a document ("số 12 Trần Hưng Đạo", but not "Kế hoạch số 20 Sở Nội vụ", nor
//     "số" after a document word: "Quyết định số 12 …");
//   - a house number ("12", "12A", "12/3", "123B/4") followed by a street keyword
//     ("12/3 hẻm 45 đường Lê Lợi", "123 đường 3 Tháng 2"), or by two capitalised words when it
//     has a slash or a letter or follows "ở", "tại", "nhà" ("45/7 Nguyễn Trãi", "ở 12 Lê Lợi");
//   - an alley with its number ("hẻm 45", "ngõ 15 phố Huế", "kiệt 20", "ngách 3");
//   - a residential group "tổ 5" ("tổ dân phố 5");
//   - or, after "địa chỉ", "đ/c:", "trú" (thường trú, tạm trú, cư trú, trú tại), "ngụ",
//     "nơi ở", "chỗ ở", "sinh sống", "sống ở", "sống tại", "tôi ở": also a hamlet or quarter
//     alone ("trú tại ấp Mỹ Hòa", "Tôi ở thôn 5") or a bare house number.
//
// It goes on over the components that follow it, separated by commas, dashes or spaces:
// streets, alleys, groups, hamlets (ấp, thôn, xóm, buôn, khóm, khu phố, khu vực, khu dân cư…),
// apartments. A street, hamlet or unit named without a house number, a group or an address
// keyword stays: a petition about a road or a village must stay readable ("Tuyến đường Trần
// Hưng Đạo bị ngập", "đường giao thông nông thôn ấp Mỹ Hòa"). Agency addresses with a house
// number are masked like any other.
//
// Land ([thửa đất đã ẩn]): "thửa đất số 123, tờ bản đồ số 45", "thửa 123 tờ 45", "tờ bản đồ
// địa chính số 12", "lô đất số 7", and the serial of a land use certificate after "quyền sử dụng
// đất", "quyền sở hữu nhà", "sổ đỏ", "sổ hồng", "GCN" ("CS 01234", "BĐ 123456").
//
// Names of persons ([họ tên đã ẩn]), by what they are: the nicknames of the South (an ordinal,
// "Út" or "Bé" before a capitalised name: "Tư Lượm", "Út Hiền"), a name after "tên" ("một phụ
// nữ tên Xuân"), and a Vietnamese family name followed by
// capitalised syllables, in any case ("Nguyễn Văn An", "NGUYỄN VĂN AN", "Nguyen Van An",
// "Nguyễn văn Phát", "nguyễn Thị Ánh", "nguyễn văn phát"), and the family names and prefixes of
// the Central Highlands' and the Khmer names ("Y Khoa Niê", "H'Hen Niê", "Thạch Sa Rinh",
// "Danh Sơn"); see persons.go for what stays. And one to five capitalised words, one space
// apart ("Hoa", "Lê Minh"), possibly inside emphasis ("**Nguyễn Văn An**"), after
//   - an honorific: ông, bà, anh, chị, em, cô, chú, bác, cụ, cháu, cậu, dì, mợ, thím, dượng,
//     thầy ("hộ ông …", "Ông (Bà) …", "Ông/bà …");
//   - an introduction, with an optional ":" or "là": "tôi tên là", "tôi tên", "tên tôi là",
//     "tôi là", "tên là", "họ và tên", "họ tên", "tên:", "người phản ánh", "người kiến nghị",
//     "người gửi", "người khiếu nại", "người tố cáo", "người đề nghị", "người yêu cầu",
//     "người làm đơn", "người viết đơn", "người đứng đơn", "người liên hệ", "người đại diện",
//     "công dân", "chủ hộ", "hộ", "hộ kinh doanh";
//   - "Tôi, …," (a name between commas);
//
// and a second name joined by "và" ("ông bà Nguyễn Văn A và Trần Thị B"). The honorific or the
// introduction stays ("ông [họ tên đã ẩn]"). A name stops before a title, an agency or an
// administrative unit ("ông Nguyễn Văn A UBND xã" keeps "UBND xã").
//
// # What is deliberately not masked
//
//   - Titles and agencies after an honorific: "Ông Chủ tịch UBND tỉnh", "Bà Giám đốc Sở Tư
//     pháp", "ông Phó Chủ tịch", "anh Công an xã", "thầy Hiệu trưởng", "công dân Việt Nam".
//   - Places whose name begins with an honorific: after a place word ("tỉnh Bà Rịa",
//     "Miếu Bà Chúa Xứ", "đường Bà Triệu", "tiếng Anh") or known ones ("Bà Chiểu", "Cô Tô",
//     "Bác Hồ", "Ba Chúc").
//   - In an agency's text, an office's landline (02x, 11 digits) and its address set off by a
//     comma after its name ("Phòng Cảnh sát giao thông, số 5 đường Trần Phú").
//   - In an agency's text, officials named in their role ("Giám đốc Nguyễn Văn X", "đồng chí
//     Nguyễn Văn Y", "ông Lê Văn Hai, Chủ tịch UBND xã", a signature under "KT. GIÁM ĐỐC"):
//     officials acting in office are public. A company's director is not an official.
//   - Places, streets and institutions named after a person ("đường Lê Lợi", "trường THPT
//     Nguyễn Trãi"), known places and heroes ("Hà Nội", "Hồ Chí Minh"), and the names the
//     masker allows.
//   - Agencies, administrative units, streets and hamlets named alone, document numbers,
//     procedure and dossier codes, dates, times, money, percentages, hotlines 1800/1900 and
//     short numbers, postal codes, article and clause numbers.
//
// # Matching
//
// Text is split into words (letters with their combining marks, so NFD is one word), numbers,
// spaces and punctuation; a keyword matches a word by its lower-case NFC form with diacritics.
// In a text written without diacritics (fewer than one word in ten has any) a word may also
// match by its folded form ("so nha 12 duong Tran Hung Dao", "ong Nguyen Van An", "sdt …");
// in a text with diacritics an ASCII word is what it is ("Phan" is not "phần", "co" is not
// "cô"), and a word with other diacritics never matches ("có Công văn" is not "cô Công").
//
// A finding that begins or ends inside a word is widened to the whole word, and one inside the
// destination of a Markdown link, an autolink or a bare URL to the whole link, so that no
// broken remains are shown. A placeholder followed by "(" or "[", or by ":" at the start of a
// line, gets a space after it so that it cannot become a Markdown link or link definition.
// Masking can change the context of what remains, so Mask repeats Find until nothing is found;
// placeholders of an earlier pass are opaque to the rules.
//
// # Known gaps
//
// Given names without a family name and without an honorific or introduction ("gửi Thanh
// Hương"), which Suspects reports instead; all-lower-case names whose family name is a common
// word of a text without diacritics ("ha van an"); addresses without a house number, group or
// address keyword ("Trần Hưng Đạo số 12"); numbers written in words; 9-digit identity numbers
// and 10-digit tax codes without their keyword; social network profiles ("facebook.com/…");
// dates of birth and other personal facts in free text. Non-ASCII digits and full-width forms
// are folded by package markdown before masking.
package privacy
