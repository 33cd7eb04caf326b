-- The entry an asker chose from the 🔎 buttons under an answer: the answer was not the one
-- they meant, which /belumterjawab shows the admins.
ALTER TABLE questions ADD COLUMN picked TEXT;
