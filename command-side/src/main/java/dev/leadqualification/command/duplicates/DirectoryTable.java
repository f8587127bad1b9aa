package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.duplicates.RuleEntity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** Where the directory keeps the records of each rule entity, and how a row reads as rule fields and as a match. */
enum DirectoryTable {
    ACCOUNT("account_directory", "account_id", "name", "phone"),
    CONTACT("contact_directory", "contact_id",
            "trim(coalesce(first_name, '') || ' ' || last_name)", "coalesce(business_phone, mobile_phone)");

    final String table;
    final String idColumn;
    /** SQL expressions for what a duplicate warning shows of a match. */
    final String nameExpression;
    final String phoneExpression;

    DirectoryTable(String table, String idColumn, String nameExpression, String phoneExpression) {
        this.table = table;
        this.idColumn = idColumn;
        this.nameExpression = nameExpression;
        this.phoneExpression = phoneExpression;
    }

    static DirectoryTable of(RuleEntity entity) {
        return valueOf(entity.name());
    }

    /** A directory row (SELECT *) as the fields rules compare. */
    Map<String, String> fields(ResultSet row) throws SQLException {
        Map<String, String> fields = new HashMap<>();
        if (this == ACCOUNT) {
            fields.put("name", row.getString("name"));
            fields.put("phone", row.getString("phone"));
            fields.put("website", row.getString("website"));
        } else {
            fields.put("firstName", row.getString("first_name"));
            fields.put("lastName", row.getString("last_name"));
            fields.put("businessPhone", row.getString("business_phone"));
            fields.put("mobilePhone", row.getString("mobile_phone"));
        }
        fields.put("email", row.getString("email"));
        return fields;
    }
}
