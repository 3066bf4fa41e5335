DROP INDEX ix_generation_tasks_book;
