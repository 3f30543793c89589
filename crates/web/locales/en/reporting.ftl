# Quarterly reporting: the reports tab, the quarterly report form and review, the indicator page.
reporting-title = Quarterly reports
reporting-period-dates = { $start } – { $end }
reporting-due-rule = { $n ->
    [one] A quarter's report is due { $count } day after the quarter ends, and overdue after that.
   *[other] A quarter's report is due { $count } days after the quarter ends, and overdue after that.
}
reporting-n-overdue = { $n ->
    [one] { $count } report overdue
   *[other] { $count } reports overdue
}
reporting-n-to-review = { $n ->
    [one] { $count } report waiting for your review
   *[other] { $count } reports waiting for your review
}
reporting-period = Quarter
reporting-organisation = Reporting organisation
reporting-state = State
reporting-review-comment = Reviewer's comment
reporting-next-step = What to do
reporting-due-on = Due { $date }
reporting-not-begun = Not begun yet: nothing to report.
reporting-yours = (your organisation)
reporting-overdue = Overdue
reporting-todo-enter = Enter the actuals
reporting-todo-correct = Correct and submit again
reporting-todo-review = Review
reporting-status-draft = Draft
reporting-status-submitted = Submitted, waiting for review
reporting-status-returned = Returned with a comment
reporting-status-approved = Approved
reporting-locked = Locked
reporting-total = Total
reporting-all-reports = All the reports of this plan
reporting-report-heading = { $period } report of
reporting-done-saved = The draft is saved. Submit it when every value of the quarter is in.
reporting-done-submitted = The report is submitted: another party of the plan will review it.
reporting-done-approved = The report is approved and now locked.
reporting-done-returned = The report is returned to its organisation with your comment.
reporting-problems-heading = Nothing was saved. Please correct:
reporting-due = Due
reporting-submitted = Submitted
reporting-reviewed = Reviewed
reporting-by-on = by { $who } on { $date }
reporting-returned-because = Returned by the reviewer, who said:
reporting-reviewer-said = The reviewer's comment:
reporting-not-begun-note = This quarter has not begun yet; you can prepare the report, and send it once the quarter is over.
reporting-locked-note = An approved report is locked: its values can no longer be changed.
reporting-other-parties = Reports of the other parties for this quarter:
reporting-nothing-to-report = No indicator of this plan is reported by this organisation.
reporting-nothing-reported = Nothing has been reported for this quarter yet.
reporting-hint-form = Enter every value of the quarter on this one form. Leave a value empty if there is nothing to report yet. "Save draft" keeps your work; "Submit" sends the report for review, after which it cannot be changed unless it is returned.
reporting-hint-number = Numbers: digits with a point for decimals and no thousands separator, e.g. 1507.5 (a percentage may end with %). Words such as "N/A" are refused: leave the value empty instead.
reporting-other-indicators = { $n ->
    [one] { $count } more indicator, of activities not planned for this quarter
   *[other] { $count } more indicators, of activities not planned for this quarter
}
reporting-save-draft = Save draft
reporting-submit = Submit for review
reporting-submit-hint = Submitting saves the values first; nothing is submitted if a value is wrong.
reporting-review-heading = Review this report
reporting-review-hint = Approve the report to lock it, or return it to its organisation saying what to correct.
reporting-review-your-comment = Your comment
reporting-review-comment-hint = (required to return the report)
reporting-approve = Approve
reporting-return = Return with comment
reporting-milestone-heading = Milestone { $n }. { $title }
reporting-activity-heading = Activity { $n }. { $title }
reporting-plan-results = Results of the plan as a whole
reporting-result-line = { $level }: { $title }
reporting-level-output = Output
reporting-level-outcome = Outcome
reporting-level-impact = Impact
reporting-level-other = Result
reporting-measure-unit = a count or amount
reporting-measure-percentage = a percentage
reporting-measure-nominal = a number (nominal)
reporting-measure-ordinal = a score on a scale (ordinal)
reporting-measure-qualitative = a narrative (qualitative)
reporting-measure-line = Measured as { $measure }, reported { $frequency }
reporting-unit = unit:
reporting-frequency-monthly = monthly
reporting-frequency-quarterly = quarterly
reporting-frequency-semi-annual = every six months
reporting-frequency-annual = yearly
reporting-frequency-once = once
reporting-target-line = target for { $period }: { $value }
reporting-indicator-page = Indicator page
reporting-theirs = Reported by { $org } ({ $what }): { $value }
reporting-add-breakdown = Add a breakdown (disaggregation)
reporting-not-reported = Not reported.
reporting-evidence-link = Evidence
reporting-breakdown = Breakdown
reporting-breakdown-hint = As name=value, e.g. sex=female; several separated by ";", e.g. sex=female; age=18-24.
reporting-value = Value
reporting-comment = Comment
reporting-evidence = Evidence link
reporting-bad-form = The form could not be read. Reload the page and try again.
reporting-problem-where = { $code } { $statement }
reporting-problem-number = “{ $value }” is not a number. This indicator is measured as { $measure }, so its value is a number, e.g. 12 or 1507.5. Leave it empty if there is nothing to report.
reporting-problem-needs-value = a comment or evidence needs a value: enter the value, or clear the comment and the evidence.
reporting-problem-cleared = a saved value cannot be emptied here: enter the value again (or its correction).
reporting-problem-breakdown = write the breakdown as name=value, e.g. sex=female.
reporting-problem-breakdown-missing = name the breakdown this value is for, e.g. sex=female.
reporting-problem-evidence = evidence is a link starting with https:// (or an attached file).
reporting-problem-no-indicator = A value was sent for an indicator this plan no longer has. Reload the page.
reporting-problem-submit = The report could not be submitted: { $reason }
reporting-problem-return-comment = Say what to correct: a comment is required to return a report.
reporting-problem-review = The report could not be reviewed: { $reason }
reporting-chart-title = Target against actual, indicator { $code }
reporting-chart-desc = Targets and actuals (totals) of “{ $statement }” for each quarter from { $first } to { $last }. The table below gives every figure.
reporting-target = Target
reporting-actual = Actual
reporting-definition = Definition
reporting-baselines = Baselines
reporting-no-baseline = No baseline yet.
reporting-date = Date
reporting-trend = Target against actual
reporting-chart-empty = No target or actual yet: the chart is empty.
reporting-chart-caption = Targets: dashed line with open squares. Actuals: solid line with filled circles. Totals: the value without breakdown, else the sum of the breakdowns by one dimension (e.g. by sex); every breakdown is in the table.
reporting-chart-narrative = A narrative indicator has no chart: its reports are in the table below.
reporting-values-heading = Targets and actuals by quarter
reporting-fact-measure = Measure
reporting-fact-unit = Unit
reporting-fact-direction = Direction
reporting-fact-cumulation = Cumulation
reporting-fact-frequency = Frequency
reporting-fact-data-source = Data source
reporting-fact-collection-method = Collection method
reporting-fact-responsible = Reported by
reporting-fact-proposed-by = Proposed by
reporting-fact-validated-by = Validated by
reporting-direction-up = Up is good
reporting-direction-down = Down is good
reporting-cumulation-cumulative = Cumulative: values add up toward the target
reporting-cumulation-non-cumulative = Each period stands alone
