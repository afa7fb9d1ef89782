/// What `:doc` shows for a keyword: the form it begins or belongs to, written out, a
/// one-line summary and a small example. `example` is a whole file that checks on its
/// own (a test parses and checks every one), so it can be pasted as it is.
public struct KeywordDoc: Sendable {
    /// The form, as the grammar writes it: `fold NAME = START for X in LIST [where COND] => STEP`.
    public let syntax: String
    public let summary: String
    public let example: String
}

/// One exhaustive switch, so a new keyword cannot go undocumented. A word that is part
/// of a larger form (`then`, `by`, `in`) is documented as that form, saying its part.
extension Keyword {
    public var doc: KeywordDoc {
        switch self {
        case .import:
            KeywordDoc(syntax: "import \"FILE.suan\"",
                       summary: "loads another file's declarations, relative to this file; each file loads once",
                       example: "// import \"common.suan\" at the top of a file makes its declarations usable here\nlet vat = 6%")
        case .let:
            KeywordDoc(syntax: "let NAME[: TYPE] = EXPR",
                       summary: "a constant at top level or in a product; a local value inside a rule's block or a test",
                       example: "let vat = 6%\nlet fee: money<CNY> = 100 CNY * vat")
        case .record:
            KeywordDoc(syntax: "record NAME { FIELD: TYPE [= DEFAULT] … }",
                       summary: "a record type: named fields, each with a type and an optional default; build one with NAME { FIELD: VALUE, … }",
                       example: "record Bill {\n  amount: money<CNY>\n  periods: int = 1\n}\nlet b = Bill { amount: 100 CNY }")
        case .product:
            KeywordDoc(syntax: "product NAME [\"TITLE\"] { param … let … rule … table … }  or  product NAME = BASE with { PARAM = VALUE … }",
                       summary: "a product: parameters, constants, rules and tables used by name inside, as NAME.member outside; `= BASE with { … }` makes a variant",
                       example: "product Loan \"贷款\" {\n  param daily_rate: rate/day = 0.04%/day\n  rule interest(p: money<CNY>, d: days) -> money<CNY> = round(p * daily_rate * d, 0.01, half_up)\n}\nproduct Cheap = Loan with { daily_rate = 0.03%/day }")
        case .param:
            KeywordDoc(syntax: "param NAME: TYPE = DEFAULT   (inside a product)",
                       summary: "a product parameter: typed, with a default, changed by with, --set and :set",
                       example: "product Loan {\n  param daily_rate: rate/day = 0.04%/day\n}\nlet r = Loan.daily_rate")
        case .rule:
            KeywordDoc(syntax: "rule NAME(PARAM: TYPE, …) [-> TYPE] = EXPR  or  rule NAME(…) -> TYPE { let … EXPR }",
                       summary: "a function of its parameters; without a parameter list it is used like a value",
                       example: "rule fee(amount: money<CNY>, periods: int) -> money<CNY> = round(amount * 1% * periods, 0.01, half_up)\nlet f = fee(1200 CNY, 3)")
        case .table:
            KeywordDoc(syntax: "table NAME(KEY: TYPE, …) -> TYPE { PATTERN, … => VALUE … [else => VALUE] }   (inside a product)",
                       summary: "a lookup in a product: rows tried in order, the first that matches wins; patterns are values, ranges (a..b, ..<a, a..) or _",
                       example: "product Card {\n  table fee_rate(periods: int) -> percent {\n    3 => 2.5%\n    6..12 => 4.5%\n    else => 0%\n  }\n}\nlet r = Card.fee_rate(9)")
        case .test:
            KeywordDoc(syntax: "test \"NAME\" { let … expect … print … }",
                       summary: "a test block: its expectations run with suanpan test and :test",
                       example: "test \"fees add up\" {\n  let fee = 100 CNY * 2.5%\n  expect fee == 2.50 CNY\n}")
        case .expect:
            KeywordDoc(syntax: "expect COND  or  expect error EXPR [with \"TEXT\"]   (inside a test)",
                       summary: "a test's check: the condition must hold, or (with error) the expression must fail, with the text if given",
                       example: "test \"division\" {\n  expect 10 / 4 == 2.5\n  expect error fail(\"no\") with \"no\"\n}")
        case .error:
            KeywordDoc(syntax: "expect error EXPR [with \"TEXT\"]   (inside a test)",
                       summary: "the expression must stop with an error, containing the text if one is given",
                       example: "test \"an empty list has no first item\" {\n  expect error first(take([1, 2], 0)) with \"empty\"\n}")
        case .population:
            KeywordDoc(syntax: "population NAME: RECORD from \"FILE\" [{ column FIELD [= \"COLUMN\"] [in UNIT] …  OPTION = \"VALUE\" … }]",
                       summary: "the rows of a CSV, JSON Lines or SQLite file, each read into a record; the name is the list of them, and scenarios read it a batch at a time",
                       example: "record Account { id: string, balance: money<CNY> }\npopulation accounts: Account from \"accounts.csv\" {\n  column balance = \"bal_fen\" in 0.01 CNY\n  bad_rows = \"skip\"\n}")
        case .scenario:
            KeywordDoc(syntax: "scenario NAME [\"TITLE\"] { for A in POPULATION  from DATE to DATE by month|day|year  state …  let …  revenue …  next …  by … }",
                       summary: "rules run over a population step by step: state carried between steps, revenue lines summed by period, product and breakdown; `scenario B = A with P { … }` is a what-if",
                       example: "record Account { id: string, balance: money<CNY>, band: string }\npopulation accounts: Account from \"accounts.csv\"\nscenario Fees {\n  for a in accounts\n  from 2021-01-01 to 2021-12-01 by month\n  revenue fee = round(a.balance * 0.1%, 0.01, half_up)\n  by a.band\n}")
        case .print:
            KeywordDoc(syntax: "print EXPR[, EXPR …]",
                       summary: "top-level output of suanpan run: the values as displayed, on one line (a list of records as a table)",
                       example: "print \"fee:\", 1200.00 CNY * 8.8%")
        case .if, .then, .else:
            KeywordDoc(syntax: "if COND then A else B",
                       summary: "A when the condition holds, else B (both of one type); reaches as far right as it can, so take parentheses inside an operator",
                       example: "let n = 7\nlet size = if n > 5 then \"large\" else \"small\"")
        case .and, .or, .not:
            KeywordDoc(syntax: "A and B, A or B, not A",
                       summary: "logic on bools; and and or stop once the left side decides",
                       example: "let score = 640\nlet ok = score >= 600 and not (score > 900) or false")
        case .true, .false:
            KeywordDoc(syntax: "true, false",
                       summary: "the two bool values",
                       example: "let on = true\nlet off = not on == false")
        case .for, .where:
            KeywordDoc(syntax: "[EXPR for NAME in LIST [where COND]]",
                       summary: "a list comprehension: EXPR for each item of the list, keeping only the items where the condition holds",
                       example: "let xs = [1, 2, 3, 4]\nlet evens_doubled = [x * 2 for x in xs where x > 2]")
        case .in:
            KeywordDoc(syntax: "for NAME in LIST, sort NAME in LIST, group NAME in LIST, with PRODUCT { … } in EXPR",
                       summary: "names the list a comprehension, fold, scan, sort or group goes through, or the expression a with applies to",
                       example: "let xs = [3, 1, 2]\nlet ys = [x + 1 for x in xs]\nlet zs = sort x in xs")
        case .rounding:
            KeywordDoc(syntax: "rounding MODE [STEP]   (inside a product)",
                       summary: "rounds every money result of the product's rules with one policy: to the minor unit, or to a step (0.01, 2 places)",
                       example: "product Fees {\n  rounding half_even 0.01\n  rule fee(a: money<CNY>) -> money<CNY> = a * 2.5%\n}")
        case .with:
            KeywordDoc(syntax: "with PRODUCT { PARAM = VALUE, TABLE(KEYS) = VALUE … } in EXPR",
                       summary: "evaluates EXPR as if the product's parameters or table rows had other values; nothing changes outside",
                       example: "product Loan {\n  param daily_rate: rate/day = 0.04%/day\n  rule interest(p: money<CNY>) -> money<CNY> = p * daily_rate * 30 days\n}\nlet stressed = with Loan { daily_rate = 0.05%/day } in Loan.interest(1000 CNY)")
        case .fold:
            KeywordDoc(syntax: "fold STATE[: TYPE] = START for NAME in LIST [where COND] => STEP",
                       summary: "carries a state through a list in order and gives the last state; STEP computes the next state from STATE and the item",
                       example: "let total = fold t = 0 CNY for x in [100 CNY, 250 CNY] => t + x")
        case .scan:
            KeywordDoc(syntax: "scan STATE[: TYPE] = START for NAME in LIST [where COND] => STEP",
                       summary: "like fold, but gives the state after every item: a running balance",
                       example: "let balances = scan b = 1000 CNY for k in range(1, 3) => b - 100 CNY")
        case .sort:
            KeywordDoc(syntax: "sort NAME in LIST [by KEY] [descending]",
                       summary: "the items in order of their keys (the items themselves without by); equal keys keep their order",
                       example: "let amounts = [300 CNY, 100 CNY, 200 CNY]\nlet largest_first = sort a in amounts by a descending")
        case .group:
            KeywordDoc(syntax: "group NAME in LIST by KEY",
                       summary: "one row (key: K, rows: list<T>) per distinct key, in order of first appearance",
                       example: "let bills = [(merchant: \"a\", amount: 10 CNY), (merchant: \"b\", amount: 5 CNY), (merchant: \"a\", amount: 1 CNY)]\nlet totals = [(merchant: g.key, total: sum([b.amount for b in g.rows])) for g in group b in bills by b.merchant]")
        case .by:
            KeywordDoc(syntax: "sort NAME in LIST by KEY [descending], group NAME in LIST by KEY",
                       summary: "the key a sort orders by or a group gathers by, computed for each item",
                       example: "let xs = [3, 1, 2]\nlet ordered = sort x in xs by 0 - x")
        case .descending:
            KeywordDoc(syntax: "sort NAME in LIST [by KEY] descending",
                       summary: "sorts largest key first; equal keys keep their order",
                       example: "let xs = [3, 1, 2]\nlet ordered = sort x in xs descending")
        }
    }
}
