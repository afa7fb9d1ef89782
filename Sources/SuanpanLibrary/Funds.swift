import SuanpanPlugin

/// funds: money-market income, the 7-day yield, purchases with a front-end load, redemption fees.
extension StandardLibrary {
    public static var funds: Plugin {
        Plugin(name: "funds", version: "1.0.0", summary: "Fund income from 万份收益, 7-day yields, purchase and redemption fees")
    }
}
