package org.ceportal.platform.internal;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsMediaType;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/** JSON (and problem+json) for every resource that declares {@code @JSONRequired}. */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JakartarsExtension
@JakartarsName("ceportal-json")
@JakartarsMediaType(MediaType.APPLICATION_JSON)
public final class JsonProvider extends JacksonJsonProvider {
    public JsonProvider() {
        super(Json.mapper());
    }
}
