-- 党员领导干部帮扶对子 end when the household no longer needs the help (or the cadre moves on);
-- an ended pair keeps its records and no longer counts among the current pairs.
ALTER TABLE help_pairs ADD COLUMN end_on TEXT;
