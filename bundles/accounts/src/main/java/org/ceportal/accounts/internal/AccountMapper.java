package org.ceportal.accounts.internal;

import java.sql.Timestamp;

import org.apache.ibatis.annotations.Param;

/** SQL of the accounts module; see AccountMapper.xml. */
public interface AccountMapper {

    void insertAccount(AccountRow account);

    void insertPerson(PersonRow person);

    AccountRow findByLogin(@Param("role") String role, @Param("login") String login);

    int countByIdNumber(@Param("idNumber") String idNumber);

    void audit(@Param("at") Timestamp at, @Param("actorId") Long actorId, @Param("action") String action,
            @Param("subject") String subject, @Param("outcome") String outcome, @Param("address") String address);
}
