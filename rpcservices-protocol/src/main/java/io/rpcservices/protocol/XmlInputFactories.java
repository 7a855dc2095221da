package io.rpcservices.protocol;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;

/**
 * Makes the hardened Woodstox factory a codec shares between all its reads: no DTDs, no entity
 * expansion, no external resources, and Woodstox's own bounds set from {@link Limits} so that even
 * a document the codec never looks into cannot exhaust stack or memory.
 */
final class XmlInputFactories {
  /** Elements of a message outside its values: methodCall, params, param, and a little slack. */
  private static final int FRAME_DEPTH = 8;

  /** Elements per nesting level of values: value, array|struct, data|member. */
  private static final int ELEMENTS_PER_LEVEL = 3;

  private static final XMLResolver REFUSE =
      (publicId, systemId, baseUri, namespace) -> {
        throw new XMLStreamException("external resources are not allowed");
      };

  private XmlInputFactories() {}

  static XMLInputFactory create(Limits limits) {
    WstxInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Without a DTD no entity can be declared, and a DTD is refused as soon as it is met; replacing
    // stays on because Woodstox reads surrogate pair references (Apache writes U+1F600 as
    // &#55357;&#56832;) only in that mode.
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(WstxInputProperties.P_ALLOW_SURROGATE_PAIR_ENTITIES, true);
    // Errors surface from next(), not later from getText().
    factory.setProperty(WstxInputProperties.P_LAZY_PARSING, false);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    // Element names are matched without namespaces, so Apache's ex:nil needs no declaration.
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setXMLResolver(REFUSE);
    factory.setProperty(WstxInputProperties.P_DTD_RESOLVER, REFUSE);
    factory.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, REFUSE);
    factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
    factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
    // Our own depth check fires first for XML-RPC values; this one guards anything else.
    long elementDepth = FRAME_DEPTH + ELEMENTS_PER_LEVEL * ((long) limits.maxDepth() + 1);
    factory.setProperty(
        WstxInputProperties.P_MAX_ELEMENT_DEPTH, (int) Math.min(Integer.MAX_VALUE, elementDepth));
    factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxStringChars());
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxStringChars());
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
    factory.setProperty(WstxInputProperties.P_MAX_CHARACTERS, limits.maxBodyBytes());
    return factory;
  }
}
