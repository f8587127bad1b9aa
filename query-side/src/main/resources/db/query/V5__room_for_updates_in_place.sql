-- A lead's row is updated three to four times as the lead moves on (its note, the qualification, the outcome), an
-- opportunity's once per transferred note. On a full page an update writes the new row version to another page and
-- a new entry into every index of the table: for lead_view that is its three B-trees and the dozens of keys the
-- trigram index holds for one search text. Room left on each page lets an update that changes no indexed column
-- stay on its page (a heap-only tuple) and touch no index; the dead versions are pruned on the page without a
-- vacuum. Pages written from now on keep the room; existing pages keep theirs until rewritten.
ALTER TABLE lead_view SET (fillfactor = 70);
ALTER TABLE opportunity_view SET (fillfactor = 80);
