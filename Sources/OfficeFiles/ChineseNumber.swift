/// Chinese numerals for heading numbers: 一 … 九十九.
enum ChineseNumber {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    static func of(_ n: Int) -> String {
        guard n > 0 && n < 100 else { return String(n) }
        if n < 10 { return digits[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
