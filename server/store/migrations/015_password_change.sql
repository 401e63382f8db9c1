-- 下次登录须修改密码: set when an admin or group leader creates an account or resets its password
-- (they know the password they typed), cleared when the agent sets one of their own. While it is
-- set the server accepts only the change itself, logout and `me` from the account's logins.
ALTER TABLE agents ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
