# gantt pages: the plan's timeline (Gantt chart and its table).
gantt-title = Timeline — { $plan }
gantt-heading = Timeline
gantt-chart-title = Timeline of the plan
gantt-chart-region = Gantt chart of the plan (scrolls sideways on small screens)
gantt-chart-description = Each activity of the plan, grouped under its milestone, over the quarters of the plan: the planned quarters as an outlined bar filled with the pattern of the activity's status, the quarters it really ran as a dark bar beneath, and today's date as a dashed line. The table below gives the same information.
gantt-caption = The outlined bar shows the planned quarters and its pattern the status (dots: not started; diagonal lines: started; crossed lines: advanced; solid: completed). The dark bar beneath shows when the activity really ran; the dashed line marks today.
gantt-today = Today, { $date }
gantt-today-in = Today is { $date }, in { $quarter } of the plan.
gantt-today-before = Today is { $date }: the plan starts on { $start }.
gantt-today-after = Today is { $date }: the plan's calendar ended on { $end }.
gantt-empty = This plan has no milestones or activities yet.
gantt-legend = Legend
gantt-legend-planned = Planned quarters
gantt-legend-actual = Actual quarters
gantt-legend-today = Today
gantt-milestone = { $number }. { $title }
gantt-quarter-range = { $from }–{ $to }
gantt-actual-since = since { $from }
gantt-actual-ended = ended in { $to }
gantt-actual-none = not yet
gantt-summary = Activity { $number }, { $title }: planned { $planned }; actual: { $actual }; { $status }.
gantt-status-not_started = Not started
gantt-status-started = Started
gantt-status-advanced = Advanced
gantt-status-completed = Completed
gantt-table-heading = The timeline as a table
gantt-col-activity = Activity
gantt-col-planned = Planned
gantt-col-actual = Actual
gantt-col-status = Status
gantt-col-slippage = Slippage
gantt-on-time = none
gantt-late = { $n ->
    [one] { $count } quarter late
   *[other] { $count } quarters late
}
gantt-early = { $n ->
    [one] { $count } quarter early
   *[other] { $count } quarters early
}
