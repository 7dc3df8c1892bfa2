package org.ceportal.captcha.internal;

import java.sql.Timestamp;

import org.apache.ibatis.annotations.Param;

/** SQL of the captcha module; see CaptchaMapper.xml. */
public interface CaptchaMapper {

    void insert(@Param("id") String id, @Param("answerHash") String answerHash, @Param("expiresAt") Timestamp expiresAt);

    CaptchaRow find(@Param("id") String id);

    /** @return 1 for the one caller that consumed it, 0 for everybody else */
    int delete(@Param("id") String id);

    int deleteExpired(@Param("now") Timestamp now);

    /** Captchas issued and neither used nor purged yet. */
    int count();
}
