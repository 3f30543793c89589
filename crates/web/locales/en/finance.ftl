# Finance: the budget, cost lines, versions, spending, settings, exchange rates and real terms.
finance-colon = :
finance-page-title = { $page } — { $plan }
finance-sections = Sections of the budget
finance-sub-budget = Budget
finance-sub-spending = Spending
finance-sub-versions = Versions
finance-sub-settings = Finance settings
finance-budget = Budget
finance-money = { $amount } { $currency }
finance-activity-numbered = { $number }. { $title }
finance-milestone-numbered = Milestone { $number }: { $title }
finance-quarter-month = { $quarter } — { $month }
finance-quarter-quantity = { $quarter }: { $quantity }
finance-version-numbered = No. { $number } “{ $name }”
finance-line-in = { $line } ({ $activity })
finance-line-choice = { $line } — { $currency }
finance-share-of = { $share } · { $amount }
finance-actions = Actions
finance-choose = Choose…
finance-nothing = Nothing.
finance-not-yet = Not yet
finance-not-available = Not available
finance-field = Field
finance-amount = Amount
finance-lines = Lines
finance-number = No.
finance-year = Year
finance-quarter = Quarter
finance-period = Period

# The conversion chooser
finance-show-in = Show totals in
finance-own-currency = Each line's own currency
finance-rate-date = Date of the rate
finance-at-quarter-start = The first day of each quarter
finance-at-date = One date
finance-show = Show
finance-shown-own = Totals in each line's own currency; nothing is converted.
finance-shown-quarter-start = Converted to { $currency } at the { $type } rate of the first day of each quarter.
finance-shown-on = Converted to { $currency } at the { $type } rate of { $date }.
finance-bad-currency = “{ $value }” is not a currency code: use the three letters of ISO 4217, e.g. USD or LBP. The plan's currency is shown instead.
finance-bad-date = “{ $value }” is not a date: write it as YYYY-MM-DD. The first day of each quarter is used instead.
finance-bad-amount = “{ $value }” is not an amount: write a number with a point for decimals, e.g. 3000000 or 1507.5.
finance-missing-rates = Some amounts cannot be converted
finance-missing-rate = No { $type } rate between { $from } and { $to } on or before { $date }: add one (either direction counts).
finance-missing-own-shown = The totals in each line's own currency are shown; nothing was guessed.
finance-go-to-rates = Go to the exchange rates

# The budget page
finance-download-workbook = Download the workbook (XLSX)
finance-n-versions = { $n ->
    [0] No frozen versions
    [one] { $count } frozen version
   *[other] { $count } frozen versions
}
finance-add-line = Add a cost line
finance-totals = Totals
finance-grand-own = Whole budget, per currency
finance-grand-in = Whole budget in { $currency }
finance-in-currency = In { $currency }
finance-grand-total = Total
finance-by-milestone = By milestone
finance-by-activity = By activity
finance-by-category = By category
finance-by-party = By funding party
finance-by-quarter = By quarter
finance-by-year = By year
finance-by-line = By cost line
finance-cost-lines = Cost lines
finance-no-lines = This plan has no cost lines yet.
finance-imported-lines = { $n ->
    [one] { $count } cost line imported.
   *[other] { $count } cost lines imported.
}
finance-sharing = Cost sharing
finance-sharing-caption = Each party's share of each year's budget (amounts in { $currency })
finance-sharing-chart-title = Cost sharing by year
finance-sharing-chart-desc = Each bar is one year's budget in { $currency }; its parts are the shares funded by each party.
finance-sharing-chart-caption = Each party's share of the year, as in the table below; the parts differ by pattern as well as colour.
finance-sharing-empty = There is nothing to share yet.
finance-sharing-needs-currency = The lines are in several currencies: choose a currency above to see the shares.
finance-aoc = Agreement of Cooperation
finance-aoc-activity = Signed in activity
finance-aoc-baseline = Baseline budget
finance-aoc-handover = Handover revision
finance-aoc-hint = Freezing a version with the purpose “AoC baseline” or “Handover revision” records it here.
finance-edit-aoc = Change the Agreement of Cooperation record
finance-import-lines = Import cost lines
finance-import-lines-hint = A CSV or XLSX file with the columns Activity, Category, Description, Unit, Unit price, Currency, Funder, then Q1, Q2… (one quantity per quarter). A file with any problem imports nothing.
finance-replace-lines = Replace the plan's cost lines (refused while spending is recorded against any)
finance-import = Import
finance-field-file = File (CSV or XLSX)

# Imports
finance-import-problems = The file was not imported
finance-import-nothing = Nothing was imported. Correct these problems in the file and import it again.
finance-row = Row
finance-column = Column
finance-problem = Problem
finance-try-again = Back to the form
finance-file-missing = Choose a file to import.
finance-file-kind = “{ $name }” is neither a CSV nor an XLSX file.
finance-file-too-large = The file is larger than 10 MiB: split it or remove what is not needed.

# Cost-line form
finance-new-line = New cost line
finance-edit-line = Change a cost line
finance-delete-line = Delete this cost line
finance-hint-language = In the language of this page; the other languages are kept.
finance-hint-other-language = In another language:
finance-hint-number = A number with a point for decimals, e.g. 1507.5.
finance-hint-currency = Three letters (ISO 4217); empty for the plan's currency.
finance-hint-quantities = How many units in each quarter; leave the other quarters empty.
finance-field-form = The form
finance-field-activity = Activity
finance-problem-activity = Choose the activity the cost belongs to.
finance-field-category = Category
finance-problem-category = Choose a category.
finance-field-description = Description
finance-problem-description = Describe the cost in at least one language.
finance-field-unit = Unit
finance-problem-unit = Choose a unit.
finance-field-unit-price = Unit price
finance-problem-unit-price = Write the unit price as a number of 0 or more with a point for decimals, e.g. 1507.5.
finance-field-currency = Currency
finance-problem-currency = Write a currency as its three letters (ISO 4217), e.g. USD or LBP.
finance-field-funder = Funded by
finance-problem-funder = Choose one of the plan's parties.
finance-field-quantities = Quantities per quarter
finance-problem-quantities = Give a quantity of 0 or more, with a point for decimals, for at least one of the plan's quarters.
finance-problem-duplicate = This already exists: change it instead of adding it again.

# Categories, units, rate types, purposes
finance-category-logistics = Logistics
finance-category-external-expertise = External expertise
finance-category-in-house-expertise = In-house expertise
finance-unit-person-day = Person-day
finance-unit-person-month = Person-month
finance-unit-event = Event
finance-unit-month = Month
finance-unit-item = Item
finance-unit-trip = Trip
finance-unit-square-metre = Square metre
finance-unit-lump-sum = Lump sum
finance-rate-type-official = official
finance-rate-type-platform = platform
finance-rate-type-parallel-market = parallel market
finance-rate-type-donor-accounting = donor accounting
finance-rate-type-un-operational = UN operational
finance-purpose-aoc-baseline = AoC baseline (activity 7)
finance-purpose-handover-revision = Handover revision (activity 25)
finance-purpose-revision = Other revision

# Versions and comparison
finance-versions-explained = A frozen version keeps the cost lines as they stood; comparing two shows what changed and how each party's share moved.
finance-no-versions = No version has been frozen yet.
finance-frozen-by = Frozen by
finance-frozen-on = Frozen on
finance-compare-with-current = Compare with the current budget
finance-compare-earlier = Earlier
finance-compare-later = Later
finance-compare = Compare
finance-current-budget = The current budget
finance-freeze = Freeze the current budget
finance-freeze-hint = Freezing copies every cost line as it stands now under a name; the copy never changes.
finance-freeze-button = Freeze
finance-field-name = Name
finance-problem-name = Give the version a name not used by another version of this plan.
finance-field-purpose = Purpose
finance-problem-purpose = Choose the purpose of the version.
finance-comparison = Comparison of two versions
finance-compare-counts = { $added } added, { $removed } removed, { $changed } changed, { $unchanged } unchanged.
finance-compare-parties = Totals per funding party
finance-before = Before
finance-after = After
finance-difference = Difference
finance-changed-lines = Changed lines
finance-changed = changed
finance-added-lines = Added lines
finance-removed-lines = Removed lines

# Spending
finance-planned-vs-actual = Planned and actual
finance-spending-unavailable = Planned and actual cannot be compared until the missing rates are added.
finance-planned = Planned
finance-planned-to-date = Planned to date
finance-actual = Actual
finance-variance = Variance (actual − planned)
finance-burn-rate = Burn rate (actual ÷ planned to date)
finance-spent-share = Spent of the budget
finance-overspent = Overspent
finance-n-overspent = { $n ->
    [one] { $count } line is overspent
   *[other] { $count } lines are overspent
}
finance-payments = Payments
finance-evidence-link = Evidence
finance-record-payment = Record a payment
finance-record = Record
finance-hint-payment-currency = Three letters (ISO 4217); empty for the line's currency. Another currency is converted at the plan's rate type on the payment's date.
finance-hint-evidence = A link to the invoice or payment order (optional).
finance-field-cost-line = Cost line
finance-problem-cost-line = Choose the cost line the payment is for.
finance-field-date = Date
finance-problem-date = Write the date as YYYY-MM-DD.
finance-field-amount = Amount
finance-problem-amount = Write the amount as a number above zero with a point for decimals, e.g. 1507.5.
finance-field-evidence = Evidence
finance-problem-evidence = Give a link to the evidence, or leave it empty.

# Settings
finance-default-rate-type = Default rate type
finance-default-rate-type-hint = The rate type the plan's totals use unless another is chosen, and at which payments in another currency are converted.
finance-field-rate-type = Rate type
finance-problem-rate-type = Choose a rate type.
finance-field-signed-on = Signed on
finance-problem-signed-on = Write the date as YYYY-MM-DD, or leave it empty.

# Exchange rates
finance-rates = Exchange rates
finance-rates-explained = Dated rates per currency pair and rate type. A conversion uses the latest rate of its type on or before its date; the inverse pair counts too, and no rate is guessed through a third currency.
finance-filter-currency = Currency
finance-all-types = Every type
finance-filter = Filter
finance-no-rates = No rates.
finance-add-rate = Add a rate
finance-add-rate-hint = One unit of the base currency is worth the rate in the quote currency, e.g. 1 USD = 1507.5 LBP.
finance-field-base = Base currency
finance-problem-base = Write the base currency as its three letters, e.g. USD.
finance-field-quote = Quote currency
finance-problem-quote = Write the quote currency as its three letters, different from the base, e.g. LBP.
finance-field-rate = Rate
finance-problem-rate = Write the rate as a number above zero with a point for decimals, e.g. 1507.5.
finance-field-source = Source
finance-problem-source = Say where the figure comes from, or leave it empty.
finance-import-rates = Import rates
finance-import-rates-hint = A CSV or XLSX file with the columns Base, Quote, Rate type, Date, Rate and Source. A rate already there for the pair, type and date is replaced; a file with any problem imports nothing.
finance-rates-imported = Imported: { $added } added, { $replaced } replaced, { $unchanged } unchanged.

# Real terms
finance-real-terms = Real terms
finance-real-terms-explained = An amount held in a currency that loses its value, expressed in a stable currency at the rate of each date: how much it is really worth.
finance-stable-currency = Stable currency
finance-real-terms-over = Over
finance-real-terms-years = The years 2019 to 2023
finance-real-terms-chart = Real value of an amount in { $currency }, in { $stable }
finance-real-terms-desc = { $amount } expressed in { $stable } at the { $type } rate of each date, against its value at the first date.
finance-real-terms-caption = The level line is the value at the first date; the other is the real value at each date.
finance-value-at-start = Value at the first date
finance-real-value = Real value
finance-nominal = As held
finance-lost = Lost since the first date
finance-erosion = Lost { $share } of its value from the first date to the last.
