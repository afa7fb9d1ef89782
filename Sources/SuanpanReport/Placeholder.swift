/// Renders scenario reports and comparisons.
public enum Render {
    public static func table(_ report: ScenarioReport) -> String { "\(report)" }
    public static func comparison(_ c: ScenarioComparison) -> String { "\(c)" }
    public static func csv(_ report: ScenarioReport) -> String { "\(report)" }
    public static func csv(_ c: ScenarioComparison) -> String { "\(c)" }
    public static func json(_ report: ScenarioReport) -> String { "\(report)" }
    public static func json(_ c: ScenarioComparison) -> String { "\(c)" }
    public static func svg(_ report: ScenarioReport) -> String { "" }
    public static func svg(_ c: ScenarioComparison) -> String { "" }
    public static func html(_ report: ScenarioReport, comparison: ScenarioComparison?) -> String { "" }
    public static func bars(_ report: ScenarioReport, width: Int) -> String { "" }
}
